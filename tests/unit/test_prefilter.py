from cablegram.nlp.prefilter import SentencePrefilter


def test_keeps_sentences_with_a_cue_at_word_boundaries():
    f = SentencePrefilter(["detained", "sold"])
    assert f.has_cue("Police detained 25 demonstrators.")
    assert not f.has_cue("The undetained men went home.")
    assert not f.has_cue("The weather was fine.")


def test_keeps_quotations():
    f = SentencePrefilter([])
    assert f.has_cue('"We will respond," he said.')
    assert not f.has_cue("Nothing was said.")


def test_pieces_keep_sentence_indices_and_offsets():
    text = "The weather was fine. Israel sold weapons to Azerbaijan. Nothing else happened."
    f = SentencePrefilter(["sold"])
    sentences = next(iter(f.split([text])))
    pieces, n_words = f.pieces(text, sentences)
    assert len(sentences) == 3
    assert [p.sentence_index for p in pieces] == [1]
    assert text[pieces[0].start : pieces[0].end] == "Israel sold weapons to Azerbaijan."
    assert n_words == 12


def test_opening_quote_stays_with_its_sentence():
    text = 'The minister criticized Israel. "We will not accept this," he said.'
    f = SentencePrefilter([])
    sentences = next(iter(f.split([text])))
    assert [text[s:e].strip() for s, e in sentences] == [
        "The minister criticized Israel.",
        '"We will not accept this," he said.',
    ]
