//! One stable sort for the whole engine.
//!
//! `slice::sort_by` is generic over the element and the comparison, so every call site
//! compiles its own copy of the standard library's sort (about 3 KB of wasm each, six copies
//! before this module). Here the comparison crosses as `&dyn Fn` over positions, so the
//! sort itself is compiled once, and is a small merge sort of our own; what stays generic
//! per type is the few lines that move the elements into their new order. Measured when it
//! was made (`maillint_bg.wasm`, gzip): one sort instead of six, 3,969 bytes; the merge sort
//! instead of the standard library's, 1,136 more.

use std::cmp::Ordering;

/// The positions `0..len` in the order `cmp` gives, equal ones in their original order: a
/// bottom-up merge sort, runs of 1, 2, 4, … merged between two buffers. It is a few hundred
/// bytes of wasm where the standard library's sort, even called once, is about 3 KB; the
/// lists it sorts are a report's findings and the engine's tables (sorted once).
fn stable_order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = vec![0; len];
    let mut width = 1;
    while width < len {
        for (runs, out) in order.chunks(2 * width).zip(merged.chunks_mut(2 * width)) {
            let (left, right) = runs.split_at(width.min(runs.len()));
            let (mut left, mut right) = (left.iter().peekable(), right.iter().peekable());
            for slot in out.iter_mut() {
                // The left run's item first unless the right one sorts before it: stable.
                let take_left = match (left.peek(), right.peek()) {
                    (Some(&&l), Some(&&r)) => cmp(r, l) != Ordering::Less,
                    (Some(_), None) => true,
                    _ => false,
                };
                let next = if take_left { left.next() } else { right.next() };
                *slot = next.copied().unwrap_or(0);
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Sorts `items` by `cmp`, keeping equal items in their order (as `slice::sort_by`).
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => Ordering::Equal,
    });
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|at| slots.get_mut(at).and_then(Option::take)),
    );
}

/// Sorts `items` by the key `key` gives, keeping equal items in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs with many equal keys, so stability shows: (key, original position).
        let mut seed = 7u32;
        for len in [0usize, 1, 2, 3, 10, 57, 400] {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut standard = items.clone();
            standard.sort_by_key(|p| p.0);
            assert_eq!(ours, standard, "length {len}");
        }
    }

    #[test]
    fn sorts_owned_values_without_losing_any() {
        let mut words: Vec<String> = ["pear", "fig", "apple", "fig", "kiwi"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        sort_by(&mut words, |a, b| a.cmp(b));
        assert_eq!(words, ["apple", "fig", "fig", "kiwi", "pear"]);
    }
}
