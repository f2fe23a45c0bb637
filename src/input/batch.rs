//! Running many documents: work in parallel on a rayon pool, results handed to a sink on
//! the calling thread in input order, with at most `window` items in flight, so memory
//! stays bounded however long the input list or stream is.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;

/// Runs `work` over `items` on `pool`, calling `sink` with each item's key and result in
/// input order.
///
/// Items are `(key, item)` pairs pulled lazily from the iterator by a feeder thread as
/// slots free up; the key (a name, say) travels with the result to the sink. At most
/// `window` items are being worked on or waiting to be sunk at any time. The sink runs on
/// the calling thread and gets each result as soon as it and all before it are done, even
/// while the feeder waits for more input (a pipeline sees each result without delay). A
/// panic in `work` is caught and handed to the sink as `Err(message)`; the batch goes on.
/// See [`ordered_parallel_until`] for a sink that can stop the batch.
pub fn ordered_parallel<K, T, R, I, W, S>(
    pool: &rayon::ThreadPool,
    items: I,
    window: usize,
    work: W,
    mut sink: S,
) where
    K: Send,
    T: Send,
    R: Send,
    I: IntoIterator<Item = (K, T)>,
    I::IntoIter: Send,
    W: Fn(T) -> R + Sync,
    S: FnMut(K, Result<R, String>),
{
    ordered_parallel_until(pool, items, window, work, |k, r| {
        sink(k, r);
        ControlFlow::Continue(())
    })
}

/// [`ordered_parallel`] with a sink that returns `ControlFlow::Break` to stop the batch
/// (the output is gone): no more items are started, and results still in flight are
/// dropped.
pub fn ordered_parallel_until<K, T, R, I, W, S>(
    pool: &rayon::ThreadPool,
    items: I,
    window: usize,
    work: W,
    mut sink: S,
) where
    K: Send,
    T: Send,
    R: Send,
    I: IntoIterator<Item = (K, T)>,
    I::IntoIter: Send,
    W: Fn(T) -> R + Sync,
    S: FnMut(K, Result<R, String>) -> ControlFlow<()>,
{
    type Done<K, R> = (K, Result<R, String>);
    let window = window.max(1);
    let items = items.into_iter();
    let work = &work;
    pool.in_place_scope(|scope| {
        std::thread::scope(|threads| {
            let (tx, rx) = mpsc::channel::<(usize, Done<K, R>)>();
            // One token per item not yet sunk: the feeder blocks when `window` are out.
            let (slot_tx, slot_rx) = mpsc::sync_channel::<()>(window);
            std::thread::Builder::new()
                .name("numcheck-feeder".into())
                .spawn_scoped(threads, move || {
                    for (index, (key, item)) in items.enumerate() {
                        if slot_tx.send(()).is_err() {
                            break;
                        }
                        let tx = tx.clone();
                        scope.spawn(move |_| {
                            let result = catch_unwind(AssertUnwindSafe(|| work(item)))
                                .map_err(panic_message);
                            let _ = tx.send((index, (key, result)));
                        });
                    }
                    // Dropping `tx` here closes the channel once every task has sent.
                })
                .expect("cannot start the feeder thread");
            let mut pending: BTreeMap<usize, Done<K, R>> = BTreeMap::new();
            let mut next = 0usize;
            let mut slots = Some(slot_rx);
            for (i, done) in rx {
                let Some(slot_rx) = &slots else {
                    continue; // stopped: drain what is still in flight
                };
                pending.insert(i, done);
                while let Some((k, r)) = pending.remove(&next) {
                    next += 1;
                    let _ = slot_rx.try_recv();
                    if sink(k, r).is_break() {
                        // The feeder's next send fails and it stops.
                        slots = None;
                        pending.clear();
                        break;
                    }
                }
            }
        });
    });
}

fn panic_message(p: Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        format!("internal error: {s}")
    } else if let Some(s) = p.downcast_ref::<String>() {
        format!("internal error: {s}")
    } else {
        "internal error".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_with_bounded_window() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let mut got = Vec::new();
        ordered_parallel(
            &pool,
            (0..200u64).map(|i| (i, i)),
            8,
            |i| {
                // Later items finish first.
                std::thread::sleep(std::time::Duration::from_micros((200 - i) * 20));
                if i == 13 {
                    panic!("boom");
                }
                i * 2
            },
            |k, r| got.push((k, r)),
        );
        assert_eq!(got.len(), 200);
        for (i, (k, r)) in got.iter().enumerate() {
            assert_eq!(*k, i as u64);
            if i == 13 {
                assert_eq!(r.as_ref().unwrap_err(), "internal error: boom");
            } else {
                assert_eq!(*r.as_ref().unwrap(), i as u64 * 2);
            }
        }
    }
}

#[cfg(test)]
mod stop_tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_break_stops_the_feeder() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let started = AtomicUsize::new(0);
        let mut seen = 0;
        ordered_parallel_until(
            &pool,
            (0..100_000u32).map(|i| ((), i)),
            4,
            |i| {
                started.fetch_add(1, Ordering::Relaxed);
                i
            },
            |_, _| {
                seen += 1;
                if seen == 10 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(seen, 10);
        assert!(started.load(Ordering::Relaxed) < 100, "{started:?}");
    }
}
