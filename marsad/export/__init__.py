"""Writers for extracted documents: the scored contract JSON and a readable summary."""
