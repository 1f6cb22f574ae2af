# Sourced by csq-whole-process.sh: the WGS-like VCF (inputs.sh), a GRCh38-sized FASTA of the same synthetic genome
# (its REF alleles are the FASTA's bases) and a GENCODE-sized GFF3 (62,000 genes), written in Ensembl's layout
# (ID=gene:..., ID=transcript:..., Parent=transcript:..., biotype=) because Debian's bcftools csq 1.16 reads only
# that; genvag reads it as well as GENCODE's. Generated once into WORK_DIR, never committed.
source "$(dirname "${BASH_SOURCE[0]}")/inputs.sh" "$@"
fasta=$work/grch38-synthetic.fa
[ -f "$fasta.fai" ] || "$root/genvag" generate fasta --genome GRCh38 --chr-prefix -o "$fasta"
gencode=$work/gencode-like-chr.gff3
[ -f "$gencode" ] || "$root/genvag" generate gff --genome GRCh38 --chr-prefix -o "$gencode"
gff=$work/ensembl-like-chr.gff3
if [ ! -f "$gff" ]; then
  awk -F'\t' -v OFS='\t' '
    function attr(k,   m) { return match($9, "(^|;)" k "=[^;]*") ? substr($9, RSTART + (RSTART > 1) + length(k) + 1, RLENGTH - (RSTART > 1) - length(k) - 1) : "" }
    /^#/ { print; next }
    $3 == "gene" { $9 = "ID=gene:" attr("ID") ";Name=" attr("gene_name") ";biotype=" attr("gene_type"); print; next }
    $3 == "transcript" { t = attr("transcript_type"); $3 = (t == "protein_coding" ? "mRNA" : t == "lncRNA" ? "lnc_RNA" : "transcript")
                         tag = attr("tag"); $9 = "ID=transcript:" attr("ID") ";Parent=gene:" attr("Parent") ";biotype=" t (tag == "" ? "" : ";tag=" tag); print; next }
    $3 == "exon" || $3 == "CDS" || $3 ~ /_prime_UTR$/ { $9 = "Parent=transcript:" attr("Parent"); print; next }
  ' "$gencode" > "$gff.tmp" && mv "$gff.tmp" "$gff"
fi
