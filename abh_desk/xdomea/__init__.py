"""xdomea 3.0.0 (XÖV standard of the IT-Planungsrat): the messages ABH Desk exchanges with other
authorities and the public archive, built and read without a database.

- ``model``: what a person's file holds on the way (plain dataclasses)
- ``xml``: namespaces, codes, element helpers, the safe parser (no DTD, no entities)
- ``handover``: ``Abgabe.Abgabe.0401`` and the receipt ``Abgabe.ImportBestaetigen.0402``
- ``archive``: ``Aussonderung.Anbieteverzeichnis.0501`` … ``AussonderungImportBestaetigen.0506``
- ``container``: the ZIP transport package (message and primary documents), read with limits
- ``schema``: validation against the published XSD, where a workstation has it
"""
