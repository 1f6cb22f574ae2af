# Joins BioMart gene spans (TCGAbiolinksGUI.data) with Entrez Gene symbols and aliases (org.Hs.eg.db).
# Called by build-gene-tables.sh; writes <work>/GRCh37.genes.tsv and <work>/GRCh38.genes.tsv.
args <- commandArgs(trailingOnly = TRUE)
data <- args[1]; work <- args[2]
read_tsv <- function(f, cols) {
  t <- read.delim(file.path(work, f), header = FALSE, col.names = cols, colClasses = "character", quote = "")
  t
}
symbols <- read_tsv("symbols.tsv", c("entrez", "symbol"))
aliases <- read_tsv("aliases.tsv", c("entrez", "alias"))
ens2ez  <- read_tsv("ensembl.tsv", c("entrez", "ensembl"))
symbol_of <- setNames(symbols$symbol, symbols$entrez)
aliases_of <- tapply(aliases$alias, aliases$entrez, function(a) sort(unique(a)))
# An Ensembl gene that org.Hs.eg.db links to exactly one Entrez gene inherits that link when BioMart gave none.
ens_counts <- table(ens2ez$ensembl)
ens_unique <- ens2ez[ens2ez$ensembl %in% names(ens_counts[ens_counts == 1]), ]
entrez_of_ens <- setNames(ens_unique$entrez, ens_unique$ensembl)
primary <- c(as.character(1:22), "X", "Y", "MT")

build_table <- function(rda, object, build, source) {
  e <- new.env(); load(file.path(data, rda), envir = e); g <- get(object, envir = e)
  g <- g[g$chromosome_name %in% primary, ]
  g$entrezgene_id <- as.character(g$entrezgene_id)
  missing <- is.na(g$entrezgene_id) | g$entrezgene_id == ""
  g$entrezgene_id[missing] <- entrez_of_ens[g$ensembl_gene_id[missing]]
  # BioMart repeats an Ensembl gene once per Entrez link: collapse to one row, Entrez IDs comma-separated.
  rows <- split(seq_len(nrow(g)), g$ensembl_gene_id)
  out <- do.call(rbind, lapply(rows, function(i) {
    r <- g[i[1], ]
    ez <- sort(unique(na.omit(g$entrezgene_id[i])))
    ez <- ez[ez != ""]
    # Prefer the Entrez gene whose official symbol is BioMart's own name for the row; BioMart sometimes links an
    # overlapping locus as well (GRCh37 PAH also lists LOC101929036).
    own <- ez[!is.na(symbol_of[ez]) & symbol_of[ez] == r$external_gene_name]
    # BioMart's GRCh37 names are of their day (SEPT5 for what Entrez now calls SEPTIN5): its name as a previous
    # symbol or alias of exactly one linked Entrez gene decides too, so ENSG00000184702 (linked to SEPTIN5 and to
    # GP1BB, whose read-through it carries) is SEPTIN5, not a second GP1BB.
    if (length(own) == 0) {
      own <- ez[vapply(ez, function(x) r$external_gene_name %in% aliases_of[[x]], logical(1))]
      if (length(own) != 1) own <- character(0)
    }
    ez <- c(own, setdiff(ez, own))
    official <- if (length(ez) > 0) unname(symbol_of[ez[1]]) else NA
    sym <- if (!is.na(official)) official else r$external_gene_name
    if (is.na(sym) || sym == "") sym <- r$ensembl_gene_id
    al <- unique(unlist(lapply(ez, function(x) aliases_of[[x]])))
    al <- setdiff(c(al, r$external_gene_name), c(sym, NA, ""))
    data.frame(chrom = r$chromosome_name, start = r$start_position, end = r$end_position,
               strand = ifelse(r$strand > 0, "+", "-"), symbol = sym, ensembl = r$ensembl_gene_id,
               entrez = paste(ez, collapse = ","), aliases = paste(sort(al), collapse = ","),
               stringsAsFactors = FALSE)
  }))
  chrom_rank <- match(out$chrom, primary)
  out <- out[order(chrom_rank, out$start, out$end, out$ensembl), ]
  f <- file.path(work, paste0(build, ".genes.tsv"))
  con <- file(f, "w")
  writeLines(paste0("#genvag-gene-table\tbuild=", build, "\tsource=", source,
                    "\tsymbols=org.Hs.eg.db 3.16.0 (Entrez Gene 2022-Sep12)\tcoordinates=1-based,closed"), con)
  writeLines(paste(c("chrom", "start", "end", "strand", "symbol", "ensembl", "entrez", "aliases"), collapse = "\t"), con)
  write.table(out, con, sep = "\t", quote = FALSE, row.names = FALSE, col.names = FALSE, na = "")
  close(con)
}
build_table("gene.location.hg19.rda", "gene.location.hg19", "GRCh37", "TCGAbiolinksGUI.data 1.18.0 gene.location.hg19 (Ensembl BioMart GRCh37)")
build_table("gene.location.hg38.rda", "gene.location.hg38", "GRCh38", "TCGAbiolinksGUI.data 1.18.0 gene.location.hg38 (Ensembl BioMart GRCh38)")
