-- A plain GET of the URL on wrk's command line, with no cookie, as a first-time visitor.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
