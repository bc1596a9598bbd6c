"""Rasa NLU component: the intent classifier, a linear model on word and character n-grams.

Trained with scikit-learn: TF-IDF of word 1-2 grams and of character 1-4 grams (inside word
boundaries, so typos like "verterboplasty" still share most of their n-grams with the real
word), then a multinomial logistic regression. It replaces DIETClassifier and the featurizers
in front of it: 5-fold cross-validation on data/nlu scored 82% against DIET's 79%, and a turn
no longer calls TensorFlow (bench/profile.md).

Answering a message does not go through scikit-learn: its per-call checks cost more than the
arithmetic (~0.9 ms a message). `process` computes the same TF-IDF vector and the same
probabilities from the saved vocabularies, IDF weights and coefficients with a few numpy
operations (tests/components/test_intent_classifier.py checks it against scikit-learn).

A message with several questions, or one question inside a long story, is also classified
question by question (components/question_split.py): the intents of the questions it
understood go to the parse data's `questions`, in order, for components/answer_plan_policy.py;
a story's single question decides the intent when it is clearer than the whole message.
"""

import json
from collections import Counter
from typing import Any, Callable, Dict, List, Text, Tuple

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer

from components.graph_base import StoredComponent, required
from components.question_split import asks
from components.question_split import core as question_core
from components.question_split import parts as find_parts
from components.question_split import questions as find_questions
from vertebro.names import QUESTION_READING, QUESTIONS, SAFETY_INTENTS, UNCLEAR_QUESTION

MODEL_FILE = "linear_intent_model.json"
WEIGHTS_FILE = "linear_intent_weights.npz"


def vectorizers(config: Dict[Text, Any]) -> Tuple[TfidfVectorizer, TfidfVectorizer]:
    """The two feature blocks, built the same way for training and for answering."""
    return _tfidf("word", config["word_ngrams"]), _tfidf("char_wb", config["char_ngrams"])


def _tfidf(analyzer: Text, ngrams: List[int]) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer=analyzer,
        ngram_range=tuple(ngrams),
        lowercase=True,
        sublinear_tf=True,
        dtype=np.float64,
    )


def fit(
    texts: List[Text], labels: List[Text], config: Dict[Text, Any]
) -> Tuple[TfidfVectorizer, TfidfVectorizer, Any]:
    """The fitted scikit-learn vectorizers and logistic regression."""
    from scipy.sparse import hstack
    from sklearn.linear_model import LogisticRegression

    if len(set(labels)) < 2:
        raise ValueError(
            "LinearIntentClassifier needs examples of at least two intents, "
            f"got {sorted(set(labels))}."
        )
    word, char = vectorizers(config)
    features = hstack([word.fit_transform(texts), char.fit_transform(texts)]).tocsr()
    regression = LogisticRegression(
        C=config["C"], max_iter=config["max_iter"], solver="lbfgs", multi_class="multinomial"
    )
    regression.fit(features, labels)
    return word, char, regression


class FeatureBlock:
    """One TF-IDF block (sublinear tf, l2-normalised), computed for one text."""

    def __init__(
        self,
        analyzer: Callable[[Text], List[Text]],
        vocabulary: Dict[Text, int],
        idf: np.ndarray,
        offset: int,
    ) -> None:
        self.analyzer = analyzer
        self.vocabulary = vocabulary
        self.idf = idf
        self.offset = offset

    def vector(self, text: Text) -> Tuple[np.ndarray, np.ndarray]:
        """Column indices (in the whole feature matrix) and values for `text`."""
        counts = Counter(g for g in self.analyzer(text) if g in self.vocabulary)
        if not counts:
            return np.empty(0, dtype=np.int64), np.empty(0)
        columns = np.fromiter(
            (self.vocabulary[g] for g in counts), dtype=np.int64, count=len(counts)
        )
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        values = (1.0 + np.log(tf)) * self.idf[columns]
        values /= np.sqrt(values @ values)
        return columns + self.offset, values


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentClassifier(IntentClassifier, StoredComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "word_ngrams": [1, 2],
            "char_ngrams": [1, 4],
            # Inverse regularisation strength of the logistic regression (chosen by 5-fold
            # cross-validation on data/nlu: 100 -> 81.8%, 300 -> 82.3%, 1000 -> 82.4%).
            "C": 300.0,
            "max_iter": 3000,
            "ranking_length": 10,
            # A question of a message counts as understood at this confidence: config.yml's
            # `&understood`, which must be given there.
            "question_threshold": None,
            # Intents that are not questions to answer when they are part of a message.
            "not_questions": [],
            # What an intent means as one of several questions ("... and how long does it
            # take?" among others is about the procedure, not the last answer).
            "question_aliases": {},
            # What the sentences of a story (who is writing, their age, their history) read as
            # on their own: a whole message of at least `story_min_parts` parts read as one of
            # these is answered by its questions when they are understood, even less surely
            # (config.yml). A shorter message's question often points back at its context
            # ("I'm allergic to dye. Is that a problem?"), so it is read whole.
            "story_intents": [],
            "story_min_parts": 3,
        }

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sklearn"]

    def setup(self) -> None:
        self.question_threshold = required(self.config, "question_threshold", type(self))
        self.classes: List[Text] = []
        self.blocks: List[FeatureBlock] = []

    def _set_model(self, model: Dict[Text, Any], weights: Dict[Text, np.ndarray]) -> None:
        self.classes = list(model["classes"])
        # Columns of the coefficient matrix are features: gathering the columns of a
        # message's few features is then one contiguous read per feature.
        self.coef = np.ascontiguousarray(weights["coef"].T)
        self.intercept = weights["intercept"]
        word, char = vectorizers(self.config)
        word_vocabulary, char_vocabulary = model["word_vocabulary"], model["char_vocabulary"]
        self.blocks = [
            FeatureBlock(word.build_analyzer(), word_vocabulary, weights["word_idf"], 0),
            FeatureBlock(
                char.build_analyzer(), char_vocabulary, weights["char_idf"], len(word_vocabulary)
            ),
        ]

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(TEXT) and e.get(INTENT)]
        word, char, regression = fit(
            [e.get(TEXT) for e in examples], [e.get(INTENT) for e in examples], self.config
        )
        model = {
            "classes": [str(c) for c in regression.classes_],
            "word_vocabulary": {g: int(i) for g, i in word.vocabulary_.items()},
            "char_vocabulary": {g: int(i) for g, i in char.vocabulary_.items()},
        }
        weights = {
            "coef": regression.coef_,
            "intercept": regression.intercept_,
            "word_idf": word.idf_,
            "char_idf": char.idf_,
        }
        with self._storage.write_to(self._resource) as directory:
            (directory / MODEL_FILE).write_text(json.dumps(model))
            np.savez(directory / WEIGHTS_FILE, **weights)
        self._set_model(model, weights)
        return self._resource

    def restore(self) -> None:
        with self._storage.read_from(self._resource) as directory:
            model = json.loads((directory / MODEL_FILE).read_text())
            with np.load(directory / WEIGHTS_FILE) as stored:
                weights = {name: stored[name] for name in stored.files}
        self._set_model(model, weights)

    def probabilities(self, text: Text) -> np.ndarray:
        """P(intent | text) for every class, in the order of `self.classes`."""
        scores = self.intercept.copy()
        for block in self.blocks:
            columns, values = block.vector(text)
            if len(columns):
                scores += values @ self.coef[columns]
        scores -= scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def ranking(self, text: Text) -> List[Dict[Text, Any]]:
        probabilities = self.probabilities(text)
        order = np.argsort(-probabilities, kind="stable")[: self.config["ranking_length"]]
        return [{"name": self.classes[i], "confidence": float(probabilities[i])} for i in order]

    def process(self, messages: List[Message]) -> List[Message]:
        if not self.classes:
            return messages
        for message in messages:
            text = message.get(TEXT)
            if not text:
                continue
            ranking, questions = self.read(text)
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
            if questions:
                message.set(QUESTIONS, questions, add_to_output=True)
            elif ranking[0]["name"] in SAFETY_INTENTS:
                reading = self.question_reading(text)
                if reading:
                    message.set(QUESTION_READING, reading)
        return messages

    def question_reading(self, text: Text) -> List[Dict[Text, Any]]:
        """For a message that reads as a symptom or a crisis as a whole: the ranking of its
        clearest part that is about something else, a part that asks first ("chest pain back
        in the spring, all sorted. do i need to stop my plavix?"). The red-flag detector uses
        it only if it overrules the safety intent (components/red_flags.py); empty for a
        message of one part."""
        cut = find_parts(text)
        if len(cut) < 2:
            return []
        skip = set(self.config["not_questions"])
        readings = [(asks(part), self.part_ranking(part)) for part in cut]
        readings = [(a, r) for a, r in readings if r[0]["name"] not in skip]
        if not readings:
            return []
        return max(readings, key=lambda ar: (ar[0], ar[1][0]["confidence"]))[1]

    def part_ranking(self, part: Text) -> List[Dict[Text, Any]]:
        """A question's ranking, read without a request's lead-in ("my question is ...",
        components/question_split.py `core`)."""
        return self.ranking(question_core(part))

    def _clearer(self, ranking: List[Dict[Text, Any]], text: Text) -> List[Dict[Text, Any]]:
        """A one-question message: read without its lead-in too, the clearer reading kept."""
        stripped = question_core(text)
        if stripped == text:
            return ranking
        other = self.ranking(stripped)
        return other if other[0]["confidence"] > ranking[0]["confidence"] else ranking

    def _story(self, ranking: List[Dict[Text, Any]], text: Text) -> bool:
        """A story read as a whole as `story_intents` (config.yml): its question decides."""
        return ranking[0]["name"] in self.config["story_intents"] and (
            len(find_parts(text)) >= self.config["story_min_parts"]
        )

    def read(self, text: Text) -> Tuple[List[Dict[Text, Any]], List[Text]]:
        """The message's ranking, and the intents of its questions when it asks several."""
        ranking = self.ranking(text)
        parts = find_questions(text)
        if not parts or (len(parts) == 1 and parts[0] == text.strip()):
            return self._clearer(ranking, text), []
        threshold = self.question_threshold
        skip = set(self.config["not_questions"])
        understood: List[Tuple[Text, List[Dict[Text, Any]]]] = []
        unclear = False
        for part in parts:
            part_ranking = self.part_ranking(part)
            best = part_ranking[0]
            if best["name"] in skip:
                continue  # a greeting, a thank-you, or a symptom (the safety tiers decide those)
            if best["confidence"] < threshold:
                unclear = True
            elif best["name"] not in [name for name, _ in understood]:
                understood.append((best["name"], part_ranking))
        if not understood:
            return ranking, []
        first_name, first_ranking = understood[0]
        if (
            len(understood) == 1
            and first_ranking[0]["confidence"] <= ranking[0]["confidence"]
            and not self._story(ranking, text)
        ):
            return ranking, []  # the whole message says it at least as clearly
        if len(understood) == 1:
            # One question understood; another was asked but not understood: say so.
            return first_ranking, [first_name, UNCLEAR_QUESTION] if unclear else []
        aliases = self.config["question_aliases"]
        intents = list(dict.fromkeys(aliases.get(name, name) for name, _ in understood))
        first_name = intents[0]
        if unclear:
            intents.append(UNCLEAR_QUESTION)
        confidence = min(r[0]["confidence"] for _, r in understood)
        # One entry per intent; the others of the first question's ranking after it, so the
        # FallbackClassifier sees the message as understood as its least clear question.
        head = {"name": first_name, "confidence": confidence}
        return [head] + [r for r in first_ranking[1:] if r["name"] not in intents], intents
