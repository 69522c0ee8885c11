def practice_reindex(practice):  # TEMP local stand-in until the search branch lands
    return None
