"""The project's own benchmark for the quality targets of DESIGN §8.

`gegevens` generates synthetic data at a scale factor on top of the reference and demo data,
`paginas` lists the pages that are measured, `meten` measures them (query counts, server time
under load, throughput, the PDF) and judges the targets; `python -m benchmark` runs it all.
See benchmark/README.md.
"""
