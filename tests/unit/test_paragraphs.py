import spacy

from cablegram.nlp.paragraphs import ParagraphSplitter


def test_blank_line_starts_a_sentence():
    nlp = spacy.blank("en")
    doc = nlp("Drone deal signed\n\nIsrael agreed to sell drones. Iran protested.")
    ParagraphSplitter()(doc)
    assert doc[4].text == "Israel" and doc[4].is_sent_start
    assert not doc[1].is_sent_start  # no blank line before 'deal'


def test_single_newline_is_not_a_paragraph():
    nlp = spacy.blank("en")
    doc = nlp("wrapped line\ncontinues here")
    assert ParagraphSplitter.find(doc) == []
