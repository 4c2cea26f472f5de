"""收集填报: fill-in workbooks sent to units, and merging what they send back.

fillin writes a unit's workbook; returns reads one back (ours, or one a unit retyped);
merge compares what came back with the store and says what is changed, conflicting or unchanged.
"""
