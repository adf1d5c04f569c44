"""socialtjanst-enkater: survey results on staffing in Swedish social services, harmonised.

>>> from socialtjanst import load
>>> tables = load()
>>> surveys = tables["surveys"].set_index("survey_id")
>>> int(surveys.loc["vision_2023", "respondents_n"]), int(surveys.loc["vision_2023", "population_n"])
(158, 290)
"""

from .load import load
from .metadata import read_metadata

__all__ = ("load",)
__version__ = read_metadata()["package"]["version"]
