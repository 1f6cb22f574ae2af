#!/usr/bin/env bash
# Whole-process figures for the variant store (issue 9) on the 1 GB (uncompressed) WGS-like VCF.gz, 4.6 M records:
# store size and build time against `genvag view`, and a 944-gene panel query on the store against bcftools view -R
# on the tabix-indexed VCF.gz and against streaming the VCF; then the same query over 100 stores.
#   bench/scripts/store-whole-process.sh [WORK_DIR]
# Needs hyperfine, tabix, bcftools; builds genvag if needed. Results: WORK_DIR/store-whole-process.md
source "$(dirname "$0")/inputs.sh" "$@"
store=$work/wgs.gvs
out=$work/store-whole-process.md

java -jar "$jar" store build "$vcf" -o "$store" 2>/dev/null
{
  echo "### Store size"
  echo
  echo "| file | bytes | ratio to VCF.gz |"
  echo "| --- | --- | --- |"
  v=$(stat -L -c %s "$vcf"); s=$(stat -c %s "$store")
  echo "| VCF.gz (BGZF) | $v | 1 |"
  echo "| store (LZ4) | $s | $(awk "BEGIN {printf \"%.3f\", $s / $v}") |"
  echo
} > "$out"

hyperfine --warmup 1 --runs 3 --export-markdown "$work/store-build.md" \
  -n "genvag view" "java -jar $jar view $vcf -o /dev/null" \
  -n "genvag view --count" "java -jar $jar view --count $vcf" \
  -n "genvag store build" "java -jar $jar store build $vcf -o $work/wgs.tmp.gvs 2>/dev/null"
hyperfine --warmup 2 --runs 10 --export-markdown "$work/store-query.md" \
  -n "bcftools view -R panel.bed (tabix index)" \
     "bcftools view -R $bed $vcf -o /dev/null" \
  -n "genvag filter --mode stream (VCF.gz)" \
     "java -jar $jar filter --panel $panel -i $vcf -o /dev/null --mode stream 2>/dev/null" \
  -n "genvag filter (store)" \
     "java -jar $jar filter --panel $panel -i $store -o /dev/null 2>/dev/null" \
  -n "genvag store query, 1 store (BED)" \
     "java -jar $jar store query --panel $bed --stores $store -o $work/rows1.tsv 2>/dev/null"
mkdir -p "$work/stores100" "$work/vcf100"
for i in $(seq -w 1 100); do
  ln -sf "$store" "$work/stores100/sample$i.gvs"
  ln -sf "$vcf" "$work/vcf100/sample$i.vcf.gz"
  ln -sf "$vcf.tbi" "$work/vcf100/sample$i.vcf.gz.tbi"
done
# The peer: bcftools query -R on each tabix-indexed VCF.gz, two at a time (as many as genvag's threads), writing the
# same fields per sample (genvag also writes the store, sample and genes columns).
hyperfine --warmup 1 --runs 3 --export-markdown "$work/store-query100.md" \
  -n "bcftools query -R, 100 VCF.gz, 2 at a time" \
     "$root/bench/scripts/bcftools-query-many.sh $bed $work/vcf100 2" \
  -n "genvag store query, 100 stores (gene list)" \
     "java -jar $jar store query --panel $panel --stores $work/stores100 -o $work/rows.tsv --threads 2 2>/dev/null" \
  -n "genvag store query, 100 stores (BED)" \
     "java -jar $jar store query --panel $bed --stores $work/stores100 -o $work/rows.tsv --threads 2 2>/dev/null"
cat "$work/store-build.md" "$work/store-query.md" "$work/store-query100.md" >> "$out"
rm -f "$work/wgs.tmp.gvs"
cat "$out"
