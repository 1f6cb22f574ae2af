# Sourced by the whole-process scripts: the shared inputs, generated once into WORK_DIR and never committed.
# Sets root, work, vcf (4.6 M-record WGS-like VCF.gz, tabix-indexed), panel (944 genes), bed (its regions), jar.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=${1:-${TMPDIR:-/tmp}/genvag-bench}
mkdir -p "$work"
vcf=$work/wgs-4600000.vcf.gz
panel=$root/data/src/main/resources/org/genvag/data/panels/metabolic-944.tsv
[ -f "$vcf" ] || "$root/genvag" generate vcf --records 4600000 -o "$vcf"
[ -f "$vcf.tbi" ] && [ "$vcf.tbi" -nt "$vcf" ] || tabix -f -p vcf "$vcf"
bed=$work/metabolic-944.bed
"$root/genvag" panel --panel "$panel" --bed "$bed" >/dev/null   # the same regions for bcftools
# The BED names contigs as the gene table does (1, 2, ...); bcftools needs the VCF's names (chr1, ...), or it finds
# nothing and looks fast.
if [ "$(zcat "$vcf" | grep -m1 -v '^#' | cut -c1-3)" = chr ] && ! grep -q '^chr' "$bed"; then
  sed -i 's/^/chr/' "$bed"
fi
jar=$root/app/target/genvag.jar
