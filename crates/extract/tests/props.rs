//! Extraction never panics and its spans always slice the text.

use proptest::prelude::*;
use sitrep_extract::Extractor;
use sitrep_model::Article;
use sitrep_recognise::Recognition;

use crate::util::pipeline;

fn check(text: &str, real: bool) {
    let (recogniser, extractor) = pipeline();
    let article = Article::from_text(text, "prop");
    let rec = if real {
        recogniser.recognise(&article)
    } else {
        Recognition::default()
    };
    let _: &Extractor = extractor;
    for e in extractor.extract(&article, &rec) {
        for s in &e.sources {
            assert!(text.get(s.trigger.start..s.trigger.end).is_some());
            assert!(text
                .get(s.sentence_span.start..s.sentence_span.end)
                .is_some());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        check(&text, false);
        check(&text, true);
    }

    #[test]
    fn newsy_text_never_panics(words in proptest::collection::vec(prop_oneof![
        Just("Taliban"), Just("captured"), Just("Kandahar"), Just(","), Just("and"), Just("fell"),
        Just("to"), Just("3,000"), Just("soldiers"), Just("said"), Just("not"), Just("Kābul"),
        Just("“"), Just("."), Just("at least"), Just("of"), Just("34"), Just("provincial capitals"),
        Just("told"), Just("Sky News"), Just("he"), Just("would"), Just("send"), Just("ÉÉ"),
    ], 0..40)) {
        check(&words.join(" "), false);
        check(&words.join(" "), true);
    }
}
