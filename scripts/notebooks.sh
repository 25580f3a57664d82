#!/usr/bin/env bash
# Execute every notebook in notebooks/ headlessly with the Deno Jupyter kernel, fail on any cell
# error, commit-ready outputs in place; then type-check each notebook's code with `deno check`.
#
# Needs Debian's jupyter-nbconvert, jupyter-client, python3-ipykernel, python3-nbformat (see .ci/run)
# and the `deno` devDependency (npm ci). Uses Debian's /usr/bin/python3, never a pyenv python on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=/usr/bin/python3
DENO="$PWD/node_modules/.bin/deno"
[ -x "$PY" ] || { echo "notebooks: $PY not found; apt-get install jupyter-nbconvert jupyter-client python3-ipykernel python3-nbformat" >&2; exit 1; }
"$PY" -c "import nbconvert, nbformat, jupyter_client" 2>/dev/null || { echo "notebooks: Debian's nbconvert/nbformat/jupyter_client are missing; apt-get install --no-install-recommends jupyter-nbconvert jupyter-client python3-ipykernel python3-nbformat" >&2; exit 1; }
[ -x "$DENO" ] || { echo "notebooks: $DENO not found; run npm ci (deno is a devDependency)" >&2; exit 1; }

# The kernelspec lives inside the repo (gitignored), so nothing is written to the user's Jupyter dirs.
export XDG_DATA_HOME="$PWD/.jupyter-data"
export JUPYTER_PATH="$PWD/.jupyter-data/jupyter"
export JUPYTER_DATA_DIR="$PWD/.jupyter-data/jupyter"
export NO_COLOR=1
"$DENO" jupyter --install --force >/dev/null 2>&1 || { echo "notebooks: deno jupyter --install failed" >&2; exit 1; }

out="$PWD/.tmp/notebooks"
rm -rf "$out"
mkdir -p "$out"
cleanup() { rm -f notebooks/.*.check.ts; }
trap cleanup EXIT

for nb in notebooks/*.ipynb; do
  name=$(basename "$nb" .ipynb)
  echo "== executing $nb"
  # Executed into a copy first: a failing cell exits non-zero and leaves the committed notebook untouched.
  "$PY" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
    --ExecutePreprocessor.kernel_name=deno --ExecutePreprocessor.record_timing=False --ClearMetadataPreprocessor.enabled=True --ClearMetadataPreprocessor.clear_notebook_metadata=False --output-dir "$out" "$nb"
  mv "$out/$name.ipynb" "$nb"
  echo "== type-checking $nb"
  # The script keeps the notebook's relative imports, so it is checked from inside notebooks/.
  "$PY" -m nbconvert --to script --output-dir "$out" "$nb" >/dev/null 2>&1
  script=$(ls "$out/$name".* | grep -v '\.ipynb$' | head -n 1)
  cp "$script" "notebooks/.$name.check.ts"
  "$DENO" check --quiet "notebooks/.$name.check.ts"
done
echo "== notebooks ok"
