#!/usr/bin/env bash
# Every row of issue 22's table, re-measured in one run (hyperfine, whole processes), genvag through ./genvag (the
# newest Java installed, its start-up archive recorded beforehand). Writes WORK_DIR/issue22-*.md; inputs as
# inputs.sh makes them, plus a 30x paired BAM of one 40 Mb contig with 220 bp inserts (most mates overlap).
#   bench/scripts/issue22-rows.sh [WORK_DIR]
source "$(dirname "$0")/inputs.sh" "$@"
g=$root/genvag
threads=$(nproc)
"$g" --version >/dev/null   # builds the jar and records the start-up archive, outside the timings

# Row 1-2: stream and rewrite the WGS-like VCF.gz.
hyperfine --warmup 1 --runs 5 --export-markdown "$work/issue22-stream.md" \
  -n "bgzip -dc -@$threads (floor)" "bgzip -dc -@$threads $vcf > /dev/null" \
  -n "genvag view --count" "$g view --count $vcf > /dev/null"
hyperfine --warmup 1 --runs 3 --export-markdown "$work/issue22-rewrite.md" \
  -n "bcftools view -Oz --threads $threads" "bcftools view -Oz --threads $threads -o $work/r.bcftools.vcf.gz $vcf" \
  -n "bgzip -dc -@$threads | bgzip -c -@$threads" "bgzip -dc -@$threads $vcf | bgzip -c -@$threads > $work/r.pipe.vcf.gz" \
  -n "genvag view -o x.vcf.gz" "$g view $vcf -o $work/r.genvag.vcf.gz"

# Row 3: the 944-gene panel's regions of a 30x BAM (inputs of coverage-whole-process.sh).
bam=$work/panel30x.bam
if [ ! -f "$bam" ]; then
  grep -v '^#' "$panel" | cut -f1 | tail -n +2 > "$work/panel.genes"
  "$g" generate bam --genes "$work/panel.genes" --chr-prefix --depth 30 -o "$bam"
fi
"$g" coverage --bam "$bam" --panel "$panel" --targets gene --out-prefix "$work/cov" 2>/dev/null
grep -v '^#' "$work/cov.regions.tsv" | cut -f1-3 > "$work/cov.bed"
hyperfine --warmup 1 --runs 3 --export-markdown "$work/issue22-coverage.md" \
  -n "samtools view -c -@$threads (floor)" "samtools view -c -@$threads $bam" \
  -n "mosdepth -n -t $threads --by" "mosdepth -n -t $threads --by $work/cov.bed $work/md $bam" \
  -n "megadepth --annotation --op mean" \
     "megadepth $bam --annotation $work/cov.bed --op mean --threads $threads --no-annotation-stdout --prefix $work/mg" \
  -n "genvag coverage --threads $threads" \
     "$g coverage --bam $bam --panel $work/cov.bed --out-prefix $work/gc --threads $threads 2>/dev/null"

# Row 4: 400 regions of a 30x paired BAM with 220 bp inserts, read whole.
short=$work/wgs40-220.bam
[ -f "$short" ] || "$g" generate bam --genome synthetic:1:40000000 --depth 30 --insert 220 --insert-sd 30 -o "$short"
awk 'BEGIN { for (i = 0; i < 400; i++) printf "syn1\t%d\t%d\tR%d\n", 50000 + i * 99000, 55000 + i * 99000, i }' \
  > "$work/short400.bed"
hyperfine --warmup 1 --runs 3 --export-markdown "$work/issue22-coverage-short.md" \
  -n "samtools view -c -@$threads (floor)" "samtools view -c -@$threads $short" \
  -n "mosdepth -n -t $threads --by" "mosdepth -n -t $threads --by $work/short400.bed $work/ms $short" \
  -n "megadepth --annotation --op mean" \
     "megadepth $short --annotation $work/short400.bed --op mean --threads $threads --no-annotation-stdout --prefix $work/mgs" \
  -n "genvag coverage --mode stream --threads $threads" \
     "$g coverage --bam $short --panel $work/short400.bed --mode stream --out-prefix $work/gs --threads $threads 2>/dev/null"

# Rows 5-6 (the 944-gene BED is chr-named by inputs.sh, as the VCF): a 3-gene question of the 1000 Genomes excerpt (tabix), the 944-gene panel of the WGS-like VCF.
kg=$work/kg22.vcf.gz
[ -f "$kg" ] || cp "$root/testdata/fixtures/vcf/chr22.vcf.gz" "$kg"
[ -f "$kg.tbi" ] && [ "$kg.tbi" -nt "$kg" ] || tabix -f -p vcf "$kg"
printf 'SBF1\nPLXNB2\nMLC1\n' > "$work/kg3.txt"
"$g" panel --panel "$work/kg3.txt" --build GRCh37 --bed "$work/kg3.bed" >/dev/null
hyperfine --warmup 2 --runs 10 --export-markdown "$work/issue22-small.md" \
  -n "bcftools view -R kg3.bed" "bcftools view -R $work/kg3.bed $kg -o /dev/null" \
  -n "genvag --version" "$g --version" \
  -n "genvag filter, 3 genes" "$g filter --panel $work/kg3.txt --build GRCh37 $kg -o /dev/null 2>/dev/null" \
  -n "bcftools view -R panel.bed (944 genes)" "bcftools view -R $bed $vcf -o /dev/null" \
  -n "genvag filter, 944 genes" "$g filter --panel $panel $vcf -o /dev/null 2>/dev/null"

# Row 7: store size on every real fixture and the WGS-like file; build against view.
{
  echo "| file | VCF.gz bytes | store bytes | ratio |"
  echo "| --- | --- | --- | --- |"
  for f in "$root"/testdata/fixtures/vcf/*.vcf.gz "$vcf"; do
    "$g" store build "$f" -o "$work/size.gvs" 2>/dev/null
    v=$(stat -L -c %s "$f"); s=$(stat -c %s "$work/size.gvs")
    echo "| $(basename "$f") | $v | $s | $(awk "BEGIN {printf \"%.3f\", $s / $v}") |"
  done
} > "$work/issue22-store-size.md"
hyperfine --warmup 1 --runs 3 --export-markdown "$work/issue22-store-build.md" \
  -n "genvag view -o /dev/null" "$g view $vcf -o /dev/null" \
  -n "genvag store build" "$g store build $vcf -o $work/wgs.tmp.gvs 2>/dev/null"
cat "$work"/issue22-*.md
