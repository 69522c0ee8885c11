def related_practices(action, limit=3):  # TEMP local stand-in until the search branch lands
    return []
