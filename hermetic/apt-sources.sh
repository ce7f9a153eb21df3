#!/usr/bin/env bash
# Package sources for another Debian suite, taken from this machine's own apt configuration:
# the entries that serve the machine's release (deb822 `.sources` files and one-line `.list`
# files) are copied with their suite changed; nothing names an archive host.
# Sourced by .ci/*.sh and hermetic/build-stand-ins.sh.

# The machine's own codename (bookworm, trixie, ...).
apt_host_codename() {
  (. /etc/os-release && echo "${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}")
}

# apt_sources_for_suite SUITE OUT: writes a one-line sources.list to OUT whose entries are the
# machine's entries for its own release (not -security/-updates/-backports), with SUITE instead.
# Fails when the machine has no such entry.
apt_sources_for_suite() {
  local suite=$1 out=$2 host
  host=$(apt_host_codename)
  : >"$out"
  local file
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] || continue
    # deb [options] URI SUITE COMPONENTS...
    awk -v host="$host" -v suite="$suite" '
      $1 == "deb" {
        i = 2; opts = "";
        if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) { opts = opts $i " "; i++ } opts = opts $i; i++ }
        uri = $i; s = $(i + 1);
        if (s != host) next;
        comps = ""; for (j = i + 2; j <= NF; j++) comps = comps " " $j;
        print "deb " (opts == "" ? "" : opts " ") uri " " suite comps
      }' "$file" >>"$out"
  done
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    # deb822 stanzas separated by blank lines; fields Types, URIs, Suites, Components, Signed-By.
    awk -v host="$host" -v suite="$suite" '
      function flush() {
        if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " host " ") && enabled != "no") {
          n = split(uris, u, " ");
          for (k = 1; k <= n; k++) print "deb " (signed == "" ? "" : "[signed-by=" signed "] ") u[k] " " suite " " comps
        }
        types = uris = suites = comps = signed = enabled = ""
      }
      /^[ \t]*#/ { next }
      /^[ \t]*$/ { flush(); next }
      {
        key = tolower($1); sub(/:$/, "", key); val = $0; sub(/^[^:]*:[ \t]*/, "", val);
        if (key == "types") types = val; else if (key == "uris") uris = val;
        else if (key == "suites") suites = val; else if (key == "components") comps = val;
        else if (key == "signed-by") signed = val; else if (key == "enabled") enabled = tolower(val);
      }
      END { flush() }' "$file" >>"$out"
  done
  if [ ! -s "$out" ]; then
    echo "apt-sources: no apt entry for this machine's release ($host) to derive $suite from" >&2
    return 1
  fi
}

# The archive URI of the machine's first entry for its own release (for debootstrap).
apt_debian_mirror() {
  local tmp
  tmp=$(mktemp)
  apt_sources_for_suite "$(apt_host_codename)" "$tmp" || { rm -f "$tmp"; return 1; }
  awk '{ i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ } print $i; exit }' "$tmp"
  rm -f "$tmp"
}

# apt_opts_for DIR SOURCES_FILE: prints apt-get options (one per line) for a private apt state in
# DIR reading only SOURCES_FILE; the machine's own lists and cache are left untouched.
apt_private_state() {
  local dir=$1 sources=$2
  mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
  APT_PRIVATE_OPTS=(
    -o "Dir::Etc::SourceList=$sources"
    -o "Dir::Etc::SourceParts=/dev/null"
    -o "Dir::State::Lists=$dir/lists"
    -o "Dir::Cache=$dir/cache"
    -o "APT::Sandbox::User=root"
  )
}
