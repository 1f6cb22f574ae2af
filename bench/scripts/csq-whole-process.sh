#!/usr/bin/env bash
# genvag csq against bcftools csq -l (both judge each record alone) on the 4.6 M-record WGS-like VCF with a
# GENCODE-sized GFF3 (62,000 genes, Ensembl layout) and a GRCh38-sized FASTA, whole processes, one run.
#   bench/scripts/csq-whole-process.sh [WORK_DIR]
source "$(dirname "$0")/csq-inputs.sh" "$@"
g=$root/genvag
"$g" --version >/dev/null   # builds the jar and records the start-up archive, outside the timings
hyperfine --warmup 0 --runs 2 --export-markdown "$work/csq-whole-process.md" \
  -n "bcftools csq -l" "bcftools csq -l -f $fasta -g $gff $vcf -Ov -o $work/csq.bcftools.vcf 2>/dev/null" \
  -n "genvag csq" "$g csq $vcf -g $gff -f $fasta -o $work/csq.genvag.vcf 2>/dev/null"
cat "$work/csq-whole-process.md"
