"""The pipeline stage behind the ``wikiparse`` command: inputs, workers and outputs.

* :mod:`.textio` — strict UTF-8 reading with byte-offset error messages; bounded line reading.
* :mod:`.files` — which files ``convert`` reads and where each output goes.
* :mod:`.dumps` — pages from XML dumps (plain/bz2/gz, multistream index) through mwxml.
* :mod:`.render` — one conversion step (parse + render) as a picklable job.
* :mod:`.records` — output records (JSON lines) for pages and JSON-lines inputs.
* :mod:`.workers` — an ordered, bounded-memory parallel map over worker processes.
* :mod:`.atomic` — outputs written to a temporary file and renamed into place.
* :mod:`.progress` — the progress bar and summary line on stderr.
* :mod:`.dask` — the same records on a Dask cluster (a ``dask.bag`` of pages, rendering on its
  workers).
"""
