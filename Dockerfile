# Argus on a slim Debian base, from the self-contained distribution (no JDK in the image):
#   ./mvnw -Pdist package && docker build -t argus .
FROM debian:bookworm-slim

RUN useradd --system --create-home --home-dir /var/lib/argus --shell /usr/sbin/nologin argus \
    && mkdir -p /var/lib/argus/data /models && chown argus:argus /var/lib/argus/data

ADD target/argus-*-linux-x86_64.tar.gz /opt/
RUN mv /opt/argus-*-linux-x86_64 /opt/argus

USER argus
WORKDIR /var/lib/argus
# The model packs no registry serves are mounted read-only at /models (e.g. -v "$PWD/../shared/models:/models:ro").
ENV ARGUS_DATA_DIR=/var/lib/argus/data \
    ARGUS_PORT=8080 \
    ARGUS_NATIVE_CACHE=/var/lib/argus/native-cache \
    ARGUS_MODELS_DIR=/models
VOLUME /var/lib/argus/data
VOLUME /models
EXPOSE 8080

HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 CMD ["/opt/argus/bin/argus-health"]
# SIGTERM (docker stop) is a graceful shutdown: give it longer than ARGUS_SHUTDOWN_GRACE (docker stop -t 40).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/opt/argus/bin/argus"]
