#!/usr/bin/env bash
# Issue 10's measurements: the adaptive policy against sync / async / the linear-ramp hybrid / ML.NET SDCA on
# Fashion-MNIST (softmax and MLP 128; uniform, stragglers, slow-network; 4 workers, 20 s, 5 seeds, the same
# flags for every scenario), the default command with no budget (3 seeds), the default command on users' CSVs
# against SDCA over ten splits, and the staleness-aware step. Outputs in docs/results/adaptive/<name>/; the
# figures are copied into docs/RESULTS.md and docs/BENCHMARKS.md by hand. About an hour on 2 cores; run it on an
# idle machine. Usage: bench/adaptive.sh [OUT] [PARTS], PARTS a list of softmax mlp default csv staleness (all by
# default), so that a change touching one model re-runs only what it can move.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Host -c Release >/dev/null
hybridsgd() { dotnet src/Host/bin/Release/net10.0/hybridsgd.dll "$@"; }
out=${1:-docs/results/adaptive}
parts=" ${2:-softmax mlp default csv staleness} "
part() { [[ $parts == *" $1 "* ]]; }
mkdir -p "$out" runs/public

# 1. The paper's comparison, with the adaptive policy beside the fixed ramp. --stop budget: every method runs 20 s.
compare() {
  local name=$1; shift
  hybridsgd compare --dataset fashion-mnist --methods sync,async,hybrid,adaptive,sdca --workers 4 --stop budget \
    --budget 20s --seeds 5 --out "$out/$name" "$@" > "$out/$name.log" 2>&1
  echo "== $name"; grep -E '^\| (sync|async|hybrid|adaptive|sdca) ' "$out/$name/summary.md"
}
for scenario in uniform stragglers slow-network; do
  if part softmax; then compare "softmax-$scenario" --model softmax --scenario "$scenario"; fi
  if part mlp; then compare "mlp-$scenario" --model mlp --hidden 128 --learning-rate 0.1 --scenario "$scenario"; fi
done

# 2. The default command: no budget, no epochs, nothing to tune.
if part default; then
  for seed in 1 2 3; do
    hybridsgd train --seed "$seed" --out "$out/default-$seed" > "$out/default-$seed.log" 2>&1
    grep -E 'Training ended' "$out/default-$seed.log" | sed 's/^.*Training ended/default seed '"$seed"': ended/'
  done
fi

# 3. Users' CSVs (python3-sklearn's, rewritten as users export them; Fashion-MNIST's training split as a CSV for
#    a larger one): the default command against SDCA on the same split, over ten splits (the seed picks the
#    holdout rows): one split decides a small test set by a row or two, which run-to-run noise also moves.
if part csv; then
src=/usr/lib/python3/dist-packages/sklearn/datasets/data
[ -s "$src/iris.csv" ] || src=data/sklearn
awk -F, 'NR==1 { split("setosa,versicolor,virginica", n, ","); print "species,sepal_length,sepal_width,petal_length,petal_width"; next }
         { printf "%s,%s,%s,%s,%s\n", n[$5 + 1], $1, $2, $3, $4 }' "$src/iris.csv" > runs/public/iris.csv
awk -F, 'NR==1 { print "alcohol,malic_acid,ash,alcalinity,magnesium,phenols,flavanoids,nonflavanoid,proanthocyanins,color,hue,od280,proline,cultivar"; next }
         { print }' "$src/wine_data.csv" > runs/public/wine.csv
awk -F, 'NR==1 { for (i = 1; i <= 30; i++) { printf "f%d,", i; if (i == 20) printf "diagnosis," } print "end"; next }
         { for (i = 1; i <= 30; i++) { printf "%s,", $i; if (i == 20) printf "%s,", ($31 == 0 ? "malignant" : "benign") } print "x" }' \
    "$src/breast_cancer.csv" | sed 's/,end$//; s/,x$//' > runs/public/breast-cancer.csv
paste -d' ' <(zcat "$src/diabetes_data_raw.csv.gz") <(zcat "$src/diabetes_target.csv.gz") |
  awk 'BEGIN { print "age,sex,bmi,bp,s1,s2,s3,s4,s5,s6,progression" } NF == 11 { $11 = $11 + 0; gsub(/ +/, ","); print }' > runs/public/diabetes.csv
if [ -s "$src/digits.csv.gz" ]; then
  zcat "$src/digits.csv.gz" | awk -F, 'BEGIN { for (i = 0; i < 64; i++) printf "p%d,", i; print "digit" } { print }' > runs/public/digits.csv
fi
[ -s runs/public/fashion-mnist.csv ] || dotnet run bench/FashionMnistCsv.cs -- data/fashion-mnist runs/public/fashion-mnist.csv > /dev/null
user() {
  local name=$1 label=$2
  [ -s "runs/public/$name.csv" ] || return 0
  for split in $(seq 1 10); do
    hybridsgd compare --train "runs/public/$name.csv" --label "$label" --methods adaptive,sdca --seed "$split" --seeds 1 \
      --Compare:EvaluationInterval 50ms --out "$out/csv-$name/split-$split" > "$out/csv-$name/split-$split.log" 2>&1
    rm -f "$out/csv-$name/split-$split"/compare.png "$out/csv-$name/split-$split"/compare.svg   # 60 plots of one run each: 12 MB
  done
}
rm -rf "$out"/csv-*
for name in iris wine breast-cancer diabetes digits fashion-mnist; do mkdir -p "$out/csv-$name"; done
user iris species; user wine cultivar; user breast-cancer diagnosis; user diabetes progression; user digits digit
user fashion-mnist Label
python3 bench/csv_splits.py "$out" | tee "$out/csv-splits.md"
fi

# 4. The staleness-aware step (Zhang et al. 2016), where staleness is largest: stragglers, softmax.
part staleness || exit 0
for method in async adaptive; do
  for flag in "" "--staleness-lr"; do
    name="staleness-$method${flag:+-on}"
    hybridsgd compare --dataset fashion-mnist --model softmax --scenario stragglers --methods "$method" --workers 4 \
      --stop budget --budget 20s --seeds 3 --out "$out/$name" $flag > "$out/$name.log" 2>&1
    echo "== $name"; grep -E "^\| $method \| [0-9]" "$out/$name/summary.md"
  done
done
