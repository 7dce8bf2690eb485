# Shared by the bench sections (sourced): where things are and how a command is measured.
#   WORK     bench/work (git-ignored): generated logs, warehouses, the unpacked release
#   SNI      the command measured: the release's launcher, as an admin runs it (make dist, unpacked
#            into bench/work/release); SNI="java -jar other.jar" measures another build the same way
#   timed CMD  runs CMD once (bash -c) and sets SECONDS_WALL, CPU (user + system seconds) and PEAK_MB
#            (resident memory, from GNU time when installed)
#   have_goaccess  true when GoAccess is installed (the bench then prints it side by side)
WORK=${WORK:-bench/work}
mkdir -p "$WORK"

release() {
  local tarball
  tarball=$(ls -t dist/sni37122-*-linux-"$(uname -m)".tar.gz 2>/dev/null | head -1)
  if [ -z "$tarball" ] || [ -n "$(find connectors indicators reports cli distribution -path '*/src/main/*' -newer "$tarball" -type f | head -1)" ]; then
    make -s dist >&2
    tarball=$(ls -t dist/sni37122-*-linux-"$(uname -m)".tar.gz | head -1)
  fi
  if [ ! -x "$WORK/release/bin/sni37122" ] || [ "$tarball" -nt "$WORK/release/bin/sni37122" ]; then
    rm -rf "$WORK/release" && mkdir -p "$WORK/release"
    tar -xzf "$tarball" -C "$WORK/release" --strip-components=1
    touch "$WORK/release/bin/sni37122"
  fi
  echo "$WORK/release/bin/sni37122"
}
SNI=${SNI:-$(release)}

timed() {
  local out=$WORK/timed
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%e %U %S %M" -o "$out" bash -c "$1"
    read -r SECONDS_WALL user sys kb < "$out"
    CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    PEAK_MB=$((kb / 1024))
  else
    local start end
    start=$(date +%s.%N)
    bash -c "$1"
    end=$(date +%s.%N)
    SECONDS_WALL=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
    CPU="?" PEAK_MB="?"
  fi
}

have_goaccess() {
  command -v goaccess >/dev/null 2>&1
}

# GoAccess parsing a combined log (plain or gzipped, or several) into a JSON report: its own work for
# the same lines, the reference the issue measures against.
goaccess_cmd() {
  local files=("$@") cat=cat
  case ${files[0]} in *.gz) cat="zcat -f" ;; esac
  echo "$cat ${files[*]} | goaccess - --log-format=COMBINED --no-progress -o $WORK/goaccess.json >/dev/null 2>&1"
}

# GoAccess on FILES, timed: sets GA (its wall seconds, 0 when it is not installed) and GA_LINE.
goaccess_timed() {
  if have_goaccess; then
    timed "$(goaccess_cmd "$@")"
    GA=$SECONDS_WALL GA_LINE="GoAccess $(measured)"
  else
    GA=0 GA_LINE="GoAccess not installed"
  fi
}

# "x.x s (y.y CPU-s, z MB)" of the last timed command.
measured() {
  echo "${SECONDS_WALL} s (${CPU} CPU-s, ${PEAK_MB} MB)"
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "?" }'
}
