#!/usr/bin/env bash
# Whole-process comparison of genvag's VCF engine with its peers on a 1 GB (uncompressed) WGS-like VCF.gz.
#   bench/scripts/vcf-whole-process.sh [WORK_DIR]
# Needs hyperfine, bgzip (tabix package), bcftools; builds genvag if needed. Results: WORK_DIR/vcf-whole-process.md
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-${TMPDIR:-/tmp}/genvag-bench}
mkdir -p "$work"
vcf=$work/wgs-4600000.vcf.gz
[ -f "$vcf" ] || "$root/genvag" generate vcf --records 4600000 -o "$vcf"
"$root/genvag" --help >/dev/null   # builds the jar when stale, outside the timings
jar=$root/app/target/genvag.jar
threads=$(nproc)

hyperfine --warmup 1 --runs 5 --export-markdown "$work/vcf-whole-process.md" \
  -n "bgzip -dc -@$threads (decompression floor)" "bgzip -dc -@$threads $vcf > /dev/null" \
  -n "genvag view --count (parse, touch CHROM/POS/REF/ALT)" "java -jar $jar view --count $vcf > /dev/null" \
  -n "genvag view -H (parse and write records)" "java -jar $jar view -H $vcf -o /dev/null" \
  -n "bcftools view -H" "bcftools view -H $vcf > /dev/null" \
  -n "bcftools view -H --threads $threads" "bcftools view -H --threads $threads $vcf > /dev/null"
cat "$work/vcf-whole-process.md"

# Bounded memory: the same 1 GB stream through a 32 MB heap, with peak RSS.
/usr/bin/time -f "genvag view -H with -Xmx32m: %e s, max RSS %M KB" \
  java -Xmx32m -jar "$jar" view -H "$vcf" -o /dev/null
