# Sourced by the bench scripts: the ceilings of the parts on this machine now, measured in the same run as the figure
# they bound. Each prints one line. Needs ROOT (the repository) and WORK (a scratch folder); loopback only.

pgbench_ceiling() { # single-row inserts per second: the database's ceiling
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists pgbench_ceiling" -c "create database pgbench_ceiling" >/dev/null 2>&1
  psql -h 127.0.0.1 -U postgres -q -d pgbench_ceiling -c "create table item (id bigserial primary key, body text)" >/dev/null
  printf 'insert into item (body) values (repeat(%s, 100));\n' "'x'" >"$WORK/pgbench-insert.sql"
  pgbench -h 127.0.0.1 -U postgres -n -c 8 -j 2 -T 20 -f "$WORK/pgbench-insert.sql" pgbench_ceiling 2>/dev/null \
    | sed -n 's/^tps = \([0-9.]*\).*/\1 single-row inserts per second (8 clients, 20 s)/p'
  psql -h 127.0.0.1 -U postgres -q -c "drop database pgbench_ceiling" >/dev/null
}

broker_ceiling() { # persistent 1 KB messages per second through the broker, published with confirms and consumed
  rabbitmqctl -q add_vhost feedbackloop-ceiling 2>/dev/null || true
  rabbitmqctl -q set_permissions -p feedbackloop-ceiling guest '.*' '.*' '.*'
  "$ROOT/mvnw" -B -q -f "$ROOT/bench/ceilings/pom.xml" dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
  java -cp "$(cat "$ROOT/bench/ceilings/target/classpath.txt")" com.rabbitmq.perf.PerfTest \
    -h amqp://guest:guest@127.0.0.1:5672/feedbackloop-ceiling -x 1 -y 1 -s 1000 -f persistent -c 100 -q 100 -z 15 2>/dev/null \
    | sed -n 's/.*receiving rate avg: \([0-9]*\) msg\/s.*/\1 persistent 1 KB messages per second, confirmed and consumed (1 producer, 1 consumer, 15 s)/p'
  rabbitmqctl -q delete_vhost feedbackloop-ceiling
}

smtp_ceiling() { # messages per second the mail sink (SMTP on 3025) accepts from 16 parallel clients, one message each
  local started
  printf 'Subject: ceiling\r\n\r\nA short message.\r\n' >"$WORK/smtp-ceiling.eml"
  started=$(date +%s%3N)
  seq 1 160 | xargs -P 16 -I{} curl -s --url smtp://127.0.0.1:3025 --mail-from ceiling@feedbackloop.local \
    --mail-rcpt 'ceiling-{}@example.com' -T "$WORK/smtp-ceiling.eml"
  awk -v ms=$(( $(date +%s%3N) - started )) 'BEGIN { printf "%.0f messages per second accepted (160 messages, 16 parallel clients, a connection each)\n", 160000 / ms }'
}

figure() { # figure <name> <value>: a figure of this run for the table of bench/harness.sh, when it runs the script
  if [[ -n ${BENCH_FIGURES:-} ]]; then printf '%s\t%s\n' "$1" "$2" >>"$BENCH_FIGURES"; fi
}
