//! Speed of name scanning over a news-like text.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sitrep_gazetteer::Gazetteer;

const TEXT: &str =
    "Fighting continued on Tuesday around Kharkiv and Bakhmut, officials said, while \
Russian forces shelled Mariupol. In Syria, government troops advanced on Idlib from Aleppo, \
and the Kurdish-led forces held Deir ez-Zor. The United Nations warned that aid convoys to \
El Fasher in Sudan's North Darfur state had been blocked near Khartoum. Houthi rebels fired \
missiles at Marib and the port of Hodeidah. In the Sahel, attacks near Gao and Timbuktu \
forced thousands to flee towards Ouagadougou. Most analysts expect the Taliban to take \
Kandahar, Herat and Lashkar Gah, Helmand Province, before the end of the month, while \
Washington and London prepare evacuations from Kabul. ";

fn bench(c: &mut Criterion) {
    let g = Gazetteer::shipped().expect("shipped gazetteer");
    let text = TEXT.repeat(4);
    let mut group = c.benchmark_group("scan");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("scan_3kb", |b| b.iter(|| g.scan(&text).matches.len()));
    group.finish();
    c.bench_function("shipped", |b| {
        b.iter(|| Gazetteer::shipped().map(|g| g.len()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
