#!/usr/bin/env python3
"""Builds genvag's per-gene RefSeq exon tables for GRCh37 and GRCh38 from Debian's subread-data package.

    testdata/scripts/build-exon-tables.py [OUT_DIR]

Source: subread-data 2.0.3 (Debian), examples/annotation/hg19_RefSeq_exon.txt.gz and hg38_RefSeq_exon.txt.gz:
NCBI RefSeq exons per Entrez gene, all isoforms together, UTRs included, 1-based closed (SAF). The coordinates are
NCBI RefSeq data (NCBI places no restrictions on their use); the package that carries them is GPL-3.0+.
The table keeps each gene's exons merged (overlapping or touching exons of its isoforms become one interval), on the
primary assembly's chromosomes, named without "chr". No CDS: RefSeq exon files do not say which bases code.
Needs: apt-get, dpkg, python3.
"""
import gzip
import os
import subprocess
import sys
import tempfile

PRIMARY = [str(i) for i in range(1, 23)] + ["X", "Y", "M"]


def merged(intervals):
    out = []
    for s, e in sorted(intervals):
        if out and s <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def build(saf, build_name, out_dir):
    exons = {}
    with gzip.open(saf, "rt") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header != ["GeneID", "Chr", "Start", "End", "Strand"]:
            sys.exit(f"{saf}: unexpected header {header}")
        for n, line in enumerate(f, start=2):
            gene, chrom, start, end, strand = line.rstrip("\n").split("\t")
            chrom = chrom[3:] if chrom.startswith("chr") else chrom
            if chrom not in PRIMARY:
                continue
            exons.setdefault((gene, chrom, strand), []).append((int(start), int(end)))
    rank = {c: i for i, c in enumerate(PRIMARY)}
    rows = []
    for (gene, chrom, strand), iv in exons.items():
        for s, e in merged(iv):
            rows.append((rank[chrom], s, e, chrom, strand, gene))
    rows.sort()
    path = os.path.join(out_dir, f"{build_name}.refseq-exons.tsv.gz")
    with gzip.GzipFile(path, "wb", mtime=0) as raw:
        out = raw
        out.write((f"#genvag-exon-table\tbuild={build_name}\tsource=subread-data 2.0.3 {os.path.basename(saf)} "
                   "(NCBI RefSeq exons per Entrez gene, isoforms merged, UTRs included, no CDS)\t"
                   "coordinates=1-based,closed\n").encode())
        out.write(b"chrom\tstart\tend\tstrand\tentrez\n")
        for _, s, e, chrom, strand, gene in rows:
            out.write(f"{chrom}\t{s}\t{e}\t{strand}\t{gene}\n".encode())
    print(f"{build_name}: {len(rows)} merged exons of {len({k[0] for k in exons})} genes -> {path}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        here, "..", "..", "data", "src", "main", "resources", "org", "genvag", "data", "genes")
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["apt-get", "download", "subread-data"], cwd=work, check=True, stdout=subprocess.DEVNULL)
        deb = [f for f in os.listdir(work) if f.endswith(".deb")][0]
        subprocess.run(["dpkg", "-x", deb, "x"], cwd=work, check=True)
        annotation = os.path.join(work, "x", "usr", "share", "doc", "subread", "examples", "annotation")
        build(os.path.join(annotation, "hg19_RefSeq_exon.txt.gz"), "GRCh37", out_dir)
        build(os.path.join(annotation, "hg38_RefSeq_exon.txt.gz"), "GRCh38", out_dir)


if __name__ == "__main__":
    main()
