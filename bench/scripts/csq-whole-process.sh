#!/usr/bin/env bash
# genvag csq against bcftools csq -l (both judge each record alone) on the 4.6 M-record WGS-like VCF with a
# GENCODE-sized GFF3 (62,000 genes, Ensembl layout) and a GRCh38-sized FASTA, whole processes, one run.
#   bench/scripts/csq-whole-process.sh [WORK_DIR]
source "$(dirname "$0")/csq-inputs.sh" "$@"
g=$root/genvag
"$g" --version >/dev/null   # builds the jar and records the start-up archive, outside the timings
# Java 17 as well as the newest: BGZF and the hot loops differ between them (libdeflate through FFM on 22+).
java17=${GENVAG_JAVA17:-$(ls -d /usr/lib/jvm/*17*/bin/java 2>/dev/null | head -1)}
# The synthetic GFF and FASTA are generated independently (the FASTA's bases are the VCF's REF alleles), so their
# coding transcripts do not begin with ATG: genvag csq would refuse them as of different builds; --lenient makes that
# a warning (bcftools csq does not check).
# Each run starts without the outputs of the last: replacing a 2.3 GB file whose pages are still being written back
# cost either tool seconds of system time, by the order they ran in.
hyperfine --warmup 0 --runs 3 --prepare "rm -f $work/csq.*.vcf; sync" --export-markdown "$work/csq-whole-process.md" \
  -n "bcftools csq -l" "bcftools csq -l -f $fasta -g $gff $vcf -Ov -o $work/csq.bcftools.vcf 2>/dev/null" \
  -n "genvag csq (Java 17)" "GENVAG_JAVA=$java17 $g csq $vcf -g $gff -f $fasta --lenient -o $work/csq.genvag17.vcf 2>/dev/null" \
  -n "genvag csq (newest Java)" "$g csq $vcf -g $gff -f $fasta --lenient -o $work/csq.genvag.vcf 2>/dev/null"
cat "$work/csq-whole-process.md"
