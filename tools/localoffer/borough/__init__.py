"""The borough's rules: packaged defaults merged with the borough's localoffer.yml."""
from localoffer.borough.config import Area, Borough, SettingType, StatutoryItem, load_borough
from localoffer.borough.questions import Question, QuestionSet

__all__ = ["Area", "Borough", "Question", "QuestionSet", "SettingType", "StatutoryItem",
           "load_borough"]
