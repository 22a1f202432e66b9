#!/usr/bin/env bash
# Reproduces the peer benchmark: venv, data, correctness check, timings, tables.
#   ./run.sh                 everything (N = 10,000 and 100,000, 3 repetitions)
#   REPS=1 NS="1000" RESULTS=/tmp/peersbench/smoke ./run.sh   a quick smoke run
# Writes only to /tmp (venv, pip cache, data) and to $RESULTS (default ./results, the tables);
# installs caresq-logic into the repo's .venv unless CARESQ_BIN names the command to run.
set -euo pipefail
cd "$(dirname "$0")"

VENV=${VENV:-/tmp/peersvenv}
export PEERS_DATA=${PEERS_DATA:-/tmp/peersbench/data}
NS=${NS:-"10000 100000"}
REPS=${REPS:-3}
VERIFY_N=${VERIFY_N:-10000}
RESULTS=${RESULTS:-results}
export PYTHONDONTWRITEBYTECODE=1          # keep the folder free of __pycache__
export PIP_CACHE_DIR=${PIP_CACHE_DIR:-/tmp/peersbench/pipcache}

if ! "$VENV/bin/python" -c "import clingo, zen, openfisca_core, numpy" 2>/dev/null; then
    echo "== creating $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q -r requirements.txt
fi
PY="$VENV/bin/python"

# caresq-logic runs as the installed command of the repo's .venv (make install), or $CARESQ_BIN.
if [ -z "${CARESQ_BIN:-}" ]; then
    echo "== installing caresq-logic into the repo's .venv"
    make -C ../.. install
fi

echo "== generating data in $PEERS_DATA"
SIZES=$(echo $NS $VERIFY_N | tr ' ' '\n' | sort -nu)
# shellcheck disable=SC2086
"$PY" gen_data.py $SIZES
# shellcheck disable=SC2086
"$PY" to_caresq.py $SIZES

echo "== checking every engine against the reference on N=$VERIFY_N"
"$PY" verify.py "$VERIFY_N"

echo "== timing (one run at a time; on 2 cores about 7 minutes for the peers, plus caresq-logic)"
# shellcheck disable=SC2086
"$PY" bench.py --n $NS --reps "$REPS" --out "$RESULTS"
