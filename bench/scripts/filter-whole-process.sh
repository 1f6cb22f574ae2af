#!/usr/bin/env bash
# Whole-process comparison of `genvag filter` with bcftools on a 1 GB (uncompressed) WGS-like VCF.gz and the
# 944-gene benchmark panel (GRCh38).
#   bench/scripts/filter-whole-process.sh [WORK_DIR]
# Needs hyperfine, tabix, bcftools; builds genvag if needed. Results: WORK_DIR/filter-whole-process.md
source "$(dirname "$0")/inputs.sh" "$@"

hyperfine --warmup 1 --runs 5 --export-markdown "$work/filter-whole-process.md" \
  -n "bcftools view -T panel.bed --targets-overlap 1 (streaming)" \
     "bcftools view -T $bed --targets-overlap 1 $vcf -o /dev/null" \
  -n "genvag filter --mode stream" \
     "java -jar $jar filter --panel $panel -i $vcf -o /dev/null --mode stream 2>/dev/null" \
  -n "bcftools view -R panel.bed (tabix index)" \
     "bcftools view -R $bed $vcf -o /dev/null" \
  -n "genvag filter (auto: tabix index)" \
     "java -jar $jar filter --panel $panel -i $vcf -o /dev/null 2>/dev/null"
cat "$work/filter-whole-process.md"
