#!/usr/bin/env bash
# Issue 20: records per second per core through the genvag-vcf Spark source, against genvag view in one process and
# against Spark's own text reader splitting lines at tabs (the naive baseline), all in one run on the same file.
# One core each (taskset -c 0): genvag view --threads 1 (inflating beside the parser, on that core) as a whole
# process; the Spark source and the text reader in local[1] as the warm in-job time of runs 2-4 of one session (the
# first run pays for the JIT and Spark's planning, not the reading). Then local[2] on both cores.
#   bench/scripts/spark-scan.sh [WORK_DIR]
source "$(dirname "$0")/inputs.sh" "$@"
g=$root/genvag
s=$root/genvag-spark
"$g" --version >/dev/null
"$s" --version >/dev/null
out=$work/spark-scan.txt
: > "$out"
bytes=$(zcat "$vcf" | grep -v '^#' | wc -c)
records=$(zcat "$vcf" | grep -vc '^#')
echo "input $vcf: $records records, $bytes uncompressed record bytes, $(stat -c %s "$vcf") compressed" | tee -a "$out"

hyperfine --warmup 1 --runs 5 --export-markdown "$work/spark-scan-view.md" \
  -n "genvag view --count --threads 1 (one core)" "taskset -c 0 $g view --count --threads 1 $vcf > /dev/null" \
  -n "genvag --version (JVM start)" "taskset -c 0 $g --version > /dev/null"
cat "$work/spark-scan-view.md" | tee -a "$out"

run() {   # label, cores, then scan's options
  local label=$1 cores=$2
  shift 2
  echo "== $label" | tee -a "$out"
  taskset -c "$cores" "$s" scan --repeat 4 "$@" "$vcf" 2>/dev/null | tee -a "$out"
}
run "genvag-vcf, sites, local[1]" 0 --master "local[1]"
run "genvag-vcf, every column (INFO typed, genotypes), local[1]" 0 --master "local[1]" --columns all
run "spark.read.text + split, local[1]" 0 --master "local[1]" --text
run "genvag-vcf, sites, local[2]" 0,1 --master "local[2]" --partition-bytes 33554432
run "spark.read.text + split, local[2]" 0,1 --master "local[2]" --text
echo "written: $out"
