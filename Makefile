# sni37122: the two commands a newcomer needs are `make demo` and `make test`.
# Only JDK 17+ and Maven are required.

MVN ?= mvn -B -q
JAR := cli/target/sni37122.jar
JAVA ?= java

.PHONY: demo test build dist bench samples clean

## demo: build, run the whole pipeline on both sample cities (embedded DuckDB files under samples/*/out/), then compare them (samples/out/), and again from their published results alone (samples/out/dari-hasil/)
demo: build
	$(JAVA) -jar $(JAR) run -c samples/samarinda/samarinda.yaml
	$(JAVA) -jar $(JAR) run -c samples/pontianak/pontianak.yaml
	$(JAVA) -jar $(JAR) compare -c samples/samarinda/samarinda.yaml -c samples/pontianak/pontianak.yaml -o samples/out
	@# The same province from the cities' publications alone, as a Bappeda provinsi gets them: no warehouse, no raw data.
	mkdir -p samples/out/hasil-kota
	cp samples/samarinda/out/sni37122-samarinda-hasil.json samples/pontianak/out/sni37122-pontianak-hasil.json samples/out/hasil-kota/
	$(JAVA) -jar $(JAR) compare -c samples/out/hasil-kota -o samples/out/dari-hasil
	@# Every workbook of the demo in one list at the end (each command above named its own as it wrote it).
	@echo; echo "Semua buku kerja demo:"; for f in samples/samarinda/out/*.xlsx samples/pontianak/out/*.xlsx samples/out/*.xlsx samples/out/dari-hasil/*.xlsx; do echo "  $$f"; done

## test: every test of every module
test:
	mvn -B --no-transfer-progress verify

## build: one runnable jar at cli/target/sni37122.jar
build: $(JAR)

$(JAR): $(shell find connectors indicators reports cli -path '*/src/main/*' -type f 2>/dev/null) pom.xml */pom.xml
	$(MVN) -DskipTests -pl cli -am package

## dist: the release, dist/sni37122-<version>-linux-{x86_64,aarch64}.tar.gz and dist/sni37122_<version>_{amd64,arm64}.deb
dist:
	$(MVN) -DskipTests package

## bench: portal-log ingest throughput (10 million generated lines, plain and .gz)
bench:
	bash bench/run.sh

## samples: regenerate the sample cities deterministically
samples:
	bash samples/generate.sh

clean:
	$(MVN) clean
	rm -rf samples/*/out samples/*/kunci samples/out dist
