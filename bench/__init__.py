"""On-demand benchmarks: they print figures, they assert nothing (`make bench`, `python -m bench NAME`)."""
