#!/usr/bin/env bash
# Whole-process comparison of `genvag coverage` with mosdepth, samtools and htsjdk on a 30x paired-end BAM over the
# 944-gene benchmark panel (GRCh38), all with 2 threads where the tool has them; genvag over whole gene spans (as
# mosdepth is given them) and over the genes' exons (the default without a GFF: bundled merged RefSeq exons).
#   bench/scripts/coverage-whole-process.sh [WORK_DIR]
# Needs hyperfine, mosdepth, samtools; builds genvag and the benchmarks jar if needed.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-${TMPDIR:-/tmp}/genvag-bench}
mkdir -p "$work"
panel=$root/data/src/main/resources/org/genvag/data/panels/metabolic-944.tsv
bam=$work/panel30x.bam
if [ ! -f "$bam" ]; then
  grep -v '^#' "$panel" | cut -f1 | tail -n +2 > "$work/panel.genes"
  "$root/genvag" generate bam --genes "$work/panel.genes" --chr-prefix --depth 30 -o "$bam"
fi
[ -f "$root/bench/target/benchmarks.jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
jar=$root/app/target/genvag.jar
"$root/genvag" coverage --bam "$bam" --panel "$panel" --targets gene --out-prefix "$work/cov" 2>/dev/null   # regions for mosdepth
grep -v '^#' "$work/cov.regions.tsv" | cut -f1-3 > "$work/cov.bed"

hyperfine --warmup 1 --runs 3 --export-markdown "$work/coverage-whole-process.md" \
  -n "samtools view -c -@2 (decompress and walk records)" "samtools view -c -@2 $bam" \
  -n "genvag coverage --targets gene --threads 2" \
     "java -jar $jar coverage --bam $bam --panel $panel --targets gene --out-prefix $work/g --threads 2" \
  -n "genvag coverage --targets exons --threads 2" \
     "java -jar $jar coverage --bam $bam --panel $panel --targets exons --out-prefix $work/ge --threads 2" \
  -n "mosdepth -n -t 2 --by regions.bed" "mosdepth -n -t 2 --by $work/cov.bed $work/md $bam" \
  -n "htsjdk SamReader iteration + CIGAR walk" \
     "java -cp $root/bench/target/benchmarks.jar org.genvag.bench.HtsjdkBamIteration $bam"
cat "$work/coverage-whole-process.md"
/usr/bin/time -f "genvag coverage with -Xmx96m: %e s, max RSS %M KB" \
  java -Xmx96m -jar "$jar" coverage --bam "$bam" --panel "$panel" --targets gene --out-prefix "$work/g96" 2>/dev/null
