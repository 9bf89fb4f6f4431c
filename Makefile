# entente: multilingual news understanding inside PostgreSQL
#
# Build:   make && make install         (needs pg_config on PATH)
# Tests:   ./test                        (sets up everything, see README)

EXTENSION   = entente
EXTVERSION  = 0.1
MODULE_big  = entente

OBJS = \
	src/entente.o \
	src/textbuf.o \
	src/icu_cache.o \
	src/normalize.o \
	src/segment.o \
	src/langid.o \
	src/langid_cld2.o \
	src/scan.o \
	src/strmap.o \
	src/lexicon.o \
	src/extract.o \
	src/relate.o

DATA = $(wildcard src/entente--*.sql)

# Readable data files (abbreviations, lexicons) installed beside the
# extension script, read by the engine at run time.
ENTENTE_DATA = $(wildcard data/*.tsv)
ENTENTE_RELATION_DATA = $(wildcard data/relations/*.tsv)

REGRESS = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --inputdir=. --load-extension=entente

PG_CONFIG ?= pg_config

# ICU: prefer what the server was built with, fall back to pkg-config.
PG_CPPFLAGS += $(or $(ICU_CFLAGS),$(shell pkg-config --cflags icu-uc icu-i18n))
SHLIB_LINK  += $(or $(ICU_LIBS),$(shell pkg-config --libs icu-uc icu-i18n))
# Language identification: Debian's libcld2 behind a small C++ shim.
SHLIB_LINK  += -lcld2 -lstdc++
override PG_CFLAGS += -Wextra -Wno-unused-parameter -Wno-missing-field-initializers

EXTRA_CLEAN = results regression.diffs regression.out bench/out tools/enttest tools/entx tools/entbench

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Every object depends on every header: the engine's structs are shared.
$(OBJS): $(wildcard src/*.h)

# The shim is C++; the server's CXXFLAGS are fine for it.
src/langid_cld2.o: src/langid_cld2.cpp src/langid.h

install: install-entente-data

install-entente-data:
	$(MKDIR_P) '$(DESTDIR)$(datadir)/extension/entente'
	$(INSTALL_DATA) $(ENTENTE_DATA) '$(DESTDIR)$(datadir)/extension/entente/'
	$(MKDIR_P) '$(DESTDIR)$(datadir)/extension/entente/relations'
	$(INSTALL_DATA) $(ENTENTE_RELATION_DATA) '$(DESTDIR)$(datadir)/extension/entente/relations/'

uninstall: uninstall-entente-data

uninstall-entente-data:
	rm -rf '$(DESTDIR)$(datadir)/extension/entente'

# pgTAP behaviour tests (needs a running server and pg_prove)
prove_installcheck:
	pg_prove --ext .sql -v test/ 2>&1

# Stand-alone engine test program: links the engine without the server.
ENGINE_OBJS = src/textbuf.o src/icu_cache.o src/normalize.o src/segment.o \
	src/langid.o src/langid_cld2.o src/scan.o src/strmap.o src/lexicon.o \
	src/extract.o src/relate.o

tools/enttest: tools/enttest.c $(ENGINE_OBJS)
	$(CC) $(CFLAGS) -Isrc $(filter-out -I$(includedir_server),$(CPPFLAGS)) -o $@ $^ \
		$(shell pkg-config --libs icu-uc icu-i18n) -lcld2 -lstdc++ -lm

tools/entx: tools/entx.c $(ENGINE_OBJS)
	$(CC) $(CFLAGS) -Isrc $(filter-out -I$(includedir_server),$(CPPFLAGS)) -o $@ $^ \
		$(shell pkg-config --libs icu-uc icu-i18n) -lcld2 -lstdc++ -lm

tools/entbench: tools/entbench.c $(ENGINE_OBJS)
	$(CC) $(CFLAGS) -Isrc $(filter-out -I$(includedir_server),$(CPPFLAGS)) -o $@ $^ \
		$(shell pkg-config --libs icu-uc icu-i18n) -lcld2 -lstdc++ -lm

.PHONY: install-entente-data uninstall-entente-data prove_installcheck
