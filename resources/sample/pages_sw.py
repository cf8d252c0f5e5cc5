"""Swahili page builders for the sample crawl: articles by topic and genre pages,
plus the junk pages a quality pipeline must drop. Each returns (title, blocks),
blocks being ("p" | "h2" | "li" | "quote", text) in reading order."""

from __future__ import annotations

import random
import re

import texts_sw_common as common
from texts_sw_genres import (BLOG_LINES, BLOG_OPENINGS, FORUM_REPLIES, FORUM_THREADS, RECIPE_TIPS,
                             RECIPES, STORIES, STORY_NOTES, STORY_QUESTIONS)
from texts_sw_context import CONTEXT
from texts_sw_topics_a import AFYA, ELIMU, KILIMO, MICHEZO
from texts_sw_topics_b import BIASHARA, MAZINGIRA, SERIKALI, TEKNOLOJIA
from texts_sw_topics_c import HALI_YA_HEWA, MAJI_NISHATI, USAFIRI, UTAMADUNI

TOPICS = [KILIMO, AFYA, ELIMU, MICHEZO, SERIKALI, BIASHARA, MAZINGIRA, TEKNOLOJIA, USAFIRI, UTAMADUNI,
          MAJI_NISHATI, HALI_YA_HEWA]
_SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, ctx: dict[str, str], rng: random.Random) -> str:
    """Fill ``{slot}``s from the page context, or with a fresh value per use."""
    def value(match: re.Match) -> str:
        key = match.group(1)
        if key in ctx:
            return ctx[key]
        if key in common.FRESH_SLOTS:
            return common.FRESH_SLOTS[key](rng)
        raise KeyError(f"unknown slot {{{key}}} in {template!r}")
    # Two passes: a fresh value may itself hold a slot (TIME_PAST's "{month}").
    return _SLOT.sub(value, _SLOT.sub(value, template))


def words(blocks: list[tuple[str, str]]) -> int:
    return sum(len(text.split()) for _, text in blocks)


def topic_article(rng: random.Random, topic: dict) -> tuple[str, list[tuple[str, str]]]:
    """A news-style article: lead, paragraphs mixing hand-written sentences of the
    topic with generated ones, and now and then a quotation."""
    ctx = common.page_context(rng)
    title = fill(rng.choice(topic["titles"]), ctx, rng)
    blocks = [("p", fill(rng.choice(topic["leads"]), ctx, rng))]
    body = list(topic["body"])
    rng.shuffle(body)
    quotes = list(topic["quotes"])
    rng.shuffle(quotes)
    target_words = rng.randint(190, 520)
    blocks.append(("p", fill(" ".join(rng.sample(CONTEXT, 2)), ctx, rng)))
    while words(blocks) < target_words:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            if body and rng.random() < 0.45:
                sentences.append(body.pop())
            else:
                sentences.append(common.action_sentence(rng, topic["subjects"], topic["actions"]))
        blocks.append(("p", fill(" ".join(sentences), ctx, rng)))
        if quotes and rng.random() < 0.3:
            blocks.append(("p", fill(quotes.pop(), ctx, rng)))
    return title, blocks


def recipe_page(rng: random.Random, index: int) -> tuple[str, list[tuple[str, str]]]:
    name, intro, ingredients, steps = RECIPES[index]
    ctx = common.page_context(rng)
    title = rng.choice(["Jinsi ya kupika {}", "Mapishi: {}", "{} kwa njia rahisi"]).format(name)
    blocks = [("p", fill(rng.choice(BLOG_OPENINGS), ctx, rng) + " " + intro),
              ("p", rng.choice(RECIPE_TIPS[:3]) + " Mapishi haya yanachukua takriban dakika "
               f"{rng.choice([30, 40, 45, 60, 90])}.")]
    blocks.append(("h2", "Mahitaji"))
    blocks += [("li", item) for item in ingredients]
    blocks.append(("h2", "Jinsi ya kupika"))
    blocks += [("p", f"{n}. {step}") for n, step in enumerate(steps, 1)]
    for tip in rng.sample(RECIPE_TIPS[3:], 3):
        blocks.append(("p", tip))
    blocks.append(("p", fill(common.action_sentence(rng, [("wapishi", "mpishi")], [
        ("pika", "chakula hiki katika sherehe"), ("uza", "chakula hiki mitaani"),
        ("fundisha", "mapishi haya kwa vijana")]), ctx, rng)))
    return title, blocks


def story_page(rng: random.Random, index: int) -> tuple[str, list[tuple[str, str]]]:
    title, text = STORIES[index]
    ctx = common.page_context(rng)
    ctx["year"] = str(rng.choice([1998, 2004, 2011]))
    blocks = [("p", fill(par, ctx, rng)) for par in text.split("\n")]
    blocks.append(("p", fill(rng.choice(STORY_NOTES), ctx, rng)))
    blocks.append(("h2", "Maswali ya kujadili"))
    blocks += [("li", q) for q in rng.sample(STORY_QUESTIONS, 4)]
    return fill(title, ctx, rng), blocks


def forum_page(rng: random.Random, index: int) -> tuple[str, list[tuple[str, str]]]:
    title, question = FORUM_THREADS[index]
    ctx = common.page_context(rng)
    blocks = [("p", fill(question, ctx, rng))]
    for reply in rng.sample(FORUM_REPLIES, rng.randint(8, 10)):
        blocks.append(("p", reply))
    return fill(title, ctx, rng), blocks


def blog_page(rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    ctx = common.page_context(rng)
    title = fill(rng.choice(["Tafakari ya wiki: {town} na mimi", "Mambo niliyojifunza mwaka huu",
                             "Safari yangu ya {town}", "Barua kwa vijana wa {village}"]), ctx, rng)
    blocks = [("p", fill(rng.choice(BLOG_OPENINGS), ctx, rng))]
    lines = rng.sample(BLOG_LINES, 8)
    topic = rng.choice(TOPICS)
    body = rng.sample(topic["body"], 4)
    for i in range(0, 8, 2):
        blocks.append(("p", fill(" ".join(lines[i:i + 2] + [body[i // 2]]), ctx, rng)))
    return title, blocks


# --- junk ------------------------------------------------------------------------------

def junk_linklist(rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    heads = ["Habari za kitaifa", "Habari za kimataifa", "Michezo", "Burudani", "Ajira mpya", "Matangazo",
             "Picha", "Video", "Makala", "Tahariri", "Biashara", "Teknolojia", "Afya", "Elimu", "Kilimo",
             "Mazingira", "Utalii", "Dini", "Siasa", "Uchumi", "Mitindo", "Mapishi", "Safari", "Hali ya hewa"]
    towns = [t for t, _, _ in common.TOWNS]
    items = rng.sample(heads, 14) + [f"Habari za {t}" for t in rng.sample(towns, 14)]
    rng.shuffle(items)
    return "Saraka ya tovuti", [("li", item) for item in items]


def junk_spam(rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    keywords = rng.choice([["simu bei nafuu", "simu mpya", "nunua simu", "bei nafuu", "ofa kubwa"],
                           ["mkopo haraka", "mkopo bila dhamana", "pesa haraka", "mkopo online"],
                           ["dawa ya kupunguza uzito", "punguza uzito haraka", "dawa asili", "tumbo kubwa"]])
    lines = [" ".join(rng.choice(keywords) for _ in range(rng.randint(6, 10))) for _ in range(12)]
    return keywords[0].title() + " " + keywords[1], [("p", line) for line in lines]


def junk_short(rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    return "Ukurasa haupatikani", [("p", rng.choice([
        "Samahani, ukurasa unaoutafuta haupatikani.", "Kosa 404. Ukurasa haupo.",
        "Ukurasa huu umeondolewa au haujawahi kuwepo."]))]


def junk_numbers(rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    rows = [f"{i} {rng.randint(100, 999)} {rng.randint(1000, 9999)} {rng.randint(10, 99)}.{rng.randint(0, 9)} "
            f"{rng.randint(1000, 9999)} {rng.randint(0, 100)}%" for i in range(1, 31)]
    return "Bei za mazao 2024", [("p", "Soko Kg Tsh % Jumla Mabadiliko")] + [("p", r) for r in rows]


def junk_repeated(rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    line = "Jiunge nasi leo upate zawadi kubwa! Bofya hapa sasa hivi."
    return "Jiunge nasi leo", [("p", line) for _ in range(30)] + [("p", "Wasiliana nasi kwa simu.")]
