# Reads `jfr print --events jdk.ExecutionSample --stack-depth 64` and prints a Markdown table: for
# each component, the share of samples with at least one of its frames on the stack (inclusive, so
# rows overlap). The flat hot-method view spreads one component over many methods; this adds up.
BEGIN {
  n = split("Jetty (HTTP server)=org.eclipse.jetty.;Javalin=io.javalin.;" \
    "messageboard HTTP adapter=io.messageboard.adapter.http.;" \
    "messageboard persistence adapter=io.messageboard.adapter.persistence.;JDBI=org.jdbi.;" \
    "HikariCP=com.zaxxer.hikari.;MariaDB Connector/J=org.mariadb.jdbc.;Jackson=com.fasterxml.jackson.;" \
    "Logback (access log)=ch.qos.logback.;Micrometer=io.micrometer.;UUID (request ids)=java.util.UUID.;" \
    "messageboard application and domain=io.messageboard.application.;" \
    "messageboard bootstrap=io.messageboard.bootstrap.", parts, ";")
  for (i = 1; i <= n; i++) {
    split(parts[i], kv, "=")
    name[i] = kv[1]
    prefix[i] = kv[2]
  }
}
/^jdk.ExecutionSample/ { in_event = 1; delete seen; jfr_thread = 0; next }
in_event && /sampledThread = / && /JFR|Attach Listener/ { jfr_thread = 1 }
in_event && /^  \]/ {
  if (!jfr_thread) {
    total++
    for (i = 1; i <= n; i++) if (seen[i]) hits[i]++
  }
  in_event = 0
  next
}
in_event && /^    / {
  for (i = 1; i <= n; i++) if (index($1, prefix[i]) == 1) seen[i] = 1
}
END {
  print "| component (frames on the stack) | samples | share |"
  print "| --- | --- | --- |"
  for (i = 1; i <= n; i++) {
    printf "| %s | %d | %.1f %% |\n", name[i], hits[i], total ? 100 * hits[i] / total : 0
  }
  printf "| all samples of the service's threads | %d | 100 %% |\n", total
}
