# Sourced by ./mvnw and ./feedbackloop: exports JAVA_HOME pointing at a JDK 21 or newer.

jdk_major() { # prints the feature version of the JDK at $1, or nothing
  [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p'
}

find_jdk() { # prints "<feature version> <path>" of the first JDK 21+ found
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -n "$candidate" ] && [ -d "$candidate" ] || continue
    major=$(jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      printf '%s %s\n' "$major" "$candidate"
      return 0
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      printf '%s %s\n' "$major" "$candidate"
      return 0
    fi
  fi
  return 1
}

if ! found=$(find_jdk); then
  echo "Feedback Loop needs a JDK 21 or newer, and none was found in JAVA_HOME, /usr/lib/jvm or on the PATH." >&2
  echo "Install one (for example: apt-get install openjdk-21-jdk-headless, or a Temurin 21 JDK) and/or set JAVA_HOME to it." >&2
  exit 1
fi
JDK_MAJOR=${found%% *}
JAVA_HOME=${found#* }
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# Maven's own libraries (Guice) use sun.misc.Unsafe, which JDK 24 and newer warn about on every run; the warning is
# Maven's, not the project's, and says nothing a user can act on.
if [ "$JDK_MAJOR" -ge 24 ]; then
  case " ${MAVEN_OPTS:-} " in
    *" --sun-misc-unsafe-memory-access="*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
