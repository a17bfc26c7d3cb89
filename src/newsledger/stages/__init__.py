"""Pipeline stages, one module per stage; each registers itself with :func:`newsledger.pipeline.stage`."""
