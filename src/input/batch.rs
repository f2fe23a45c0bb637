//! Running many documents: work in parallel on a rayon pool, results handed to a sink on
//! the calling thread in input order, with at most `window` items in flight, so memory
//! stays bounded however long the input list or stream is.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// Documents in flight per job (`numcheck check` and the bench pass `jobs * WINDOW_PER_JOB`
/// as the window): enough that small documents keep every core busy with few hand-offs
/// (on 2.3 KB news articles 32 per job gave 1.70x with 2 jobs, 64 per job 1.8x; 128 was no
/// better), few enough that pending results stay small.
pub const WINDOW_PER_JOB: usize = 64;

/// Most queued items one worker takes under one lock: a third of its share of the window,
/// so that one worker never empties the queue while the other waits, and small documents
/// still cost few locks, wake-ups and messages.
fn worker_batch(window: usize, workers: usize) -> usize {
    (window / (3 * workers.max(1))).max(1)
}

/// Runs `work` over `items` on `pool` and the calling thread, calling `sink` with each
/// item's key and result in input order.
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
    ordered_parallel_until(
        pool,
        items,
        window,
        work,
        |k, r| {
            sink(k, r);
            ControlFlow::Continue(())
        },
        || {},
    )
}

/// [`ordered_parallel`] with a sink that returns `ControlFlow::Break` to stop the batch
/// (the output is gone): no more items are started, and results still in flight are
/// dropped. `idle` is called on the calling thread whenever no result is waiting (a
/// good moment to flush the output). With a one-thread pool everything runs on the
/// calling thread, in order, with no hand-off. With `jobs` threads, `jobs - 1` pool threads
/// and the calling thread work: between sinking results it takes small batches from the
/// queue, so a sink waits at most for the batch it is working on.
pub fn ordered_parallel_until<K, T, R, I, W, S, D>(
    pool: &rayon::ThreadPool,
    items: I,
    window: usize,
    work: W,
    mut sink: S,
    mut idle: D,
) where
    K: Send,
    T: Send,
    R: Send,
    I: IntoIterator<Item = (K, T)>,
    I::IntoIter: Send,
    W: Fn(T) -> R + Sync,
    S: FnMut(K, Result<R, String>) -> ControlFlow<()>,
    D: FnMut(),
{
    type Done<K, R> = (K, Result<R, String>);
    let window = window.max(1);
    let items = items.into_iter();
    let work = &work;
    if pool.current_num_threads() <= 1 {
        // One worker: no hand-off between threads at all. The output is flushed (`idle`)
        // before the next item is pulled, which may wait for input.
        for (key, item) in items {
            let result = catch_unwind(AssertUnwindSafe(|| work(item))).map_err(panic_message);
            if sink(key, result).is_break() {
                return;
            }
            idle();
        }
        return;
    }
    // Items handed out and not yet sunk; the feeder waits while `window` are out and is
    // woken when half of them are sunk (not once per item).
    let gate = Gate {
        state: Mutex::new(GateState::default()),
        cv: Condvar::new(),
    };
    let gate = &gate;
    let stop = AtomicBool::new(false);
    // Items sent to the queue and not yet taken: workers take a share of it, so batches
    // shrink as the input runs out and no worker ends long after the other.
    let queued = AtomicUsize::new(0);
    let queued = &queued;
    let stop = &stop;
    // The queue the workers pull from: long-lived workers, one per pool thread, so a
    // busy batch costs no wake-up per document.
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, K, T)>(window);
    let job_rx = Mutex::new(job_rx);
    let job_rx = &job_rx;
    let (res_tx, res_rx) = mpsc::channel::<Vec<(usize, Done<K, R>)>>();
    // The calling thread works too (between sinking results), so `jobs` threads are busy
    // in all and none preempts another just to sink; the pool lends `jobs - 1` of its
    // threads.
    let workers = pool.current_num_threads().max(2);
    let batch_size = worker_batch(window, workers);
    // Takes up to a share of the queue under one lock, so that small documents do not
    // pay a lock, a wake-up and a message each. `block`: wait for the first item (a
    // worker); else return None at once if the queue is busy or empty (the calling thread).
    let take = |block: bool| -> Option<Vec<(usize, K, T)>> {
        let rx = if block {
            job_rx.lock().ok()?
        } else {
            job_rx.try_lock().ok()?
        };
        let first = if block {
            rx.recv().ok()? // the feeder is done and the queue is empty
        } else {
            rx.try_recv().ok()?
        };
        let share = queued.load(Ordering::Relaxed) / (2 * workers);
        let limit = share.clamp(1, batch_size);
        let mut batch = Vec::with_capacity(limit);
        batch.push(first);
        while batch.len() < limit {
            match rx.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        drop(rx);
        queued.fetch_sub(batch.len(), Ordering::Relaxed);
        Some(batch)
    };
    let take = &take;
    let run = |batch: Vec<(usize, K, T)>| -> Vec<(usize, Done<K, R>)> {
        let mut results = Vec::with_capacity(batch.len());
        for (index, key, item) in batch {
            if stop.load(Ordering::Relaxed) {
                continue;
            }
            let result = catch_unwind(AssertUnwindSafe(|| work(item))).map_err(panic_message);
            results.push((index, (key, result)));
        }
        results
    };
    let run = &run;
    pool.in_place_scope(|scope| {
        for _ in 1..workers {
            let res_tx = res_tx.clone();
            scope.spawn(move |_| {
                while let Some(batch) = take(true) {
                    let results = run(batch);
                    if !results.is_empty() && res_tx.send(results).is_err() {
                        break;
                    }
                }
            });
        }
        drop(res_tx);
        std::thread::scope(|threads| {
            std::thread::Builder::new()
                .name("numcheck-feeder".into())
                .spawn_scoped(threads, move || {
                    for (index, (key, item)) in items.enumerate() {
                        if !gate.enter(window) {
                            break;
                        }
                        queued.fetch_add(1, Ordering::Relaxed);
                        if job_tx.send((index, key, item)).is_err() {
                            break;
                        }
                    }
                    // Dropping `job_tx` lets the workers finish once the queue is empty.
                })
                .expect("cannot start the feeder thread");
            let mut pending: BTreeMap<usize, Done<K, R>> = BTreeMap::new();
            let mut next = 0usize;
            let mut stopped = false;
            loop {
                let results = match res_rx.try_recv() {
                    Ok(m) => m,
                    Err(mpsc::TryRecvError::Disconnected) => break,
                    Err(mpsc::TryRecvError::Empty) => {
                        // Nothing came back: work on queued items here rather than sleep.
                        let batch = if stopped { None } else { take(false) };
                        if let Some(batch) = batch {
                            run(batch)
                        } else {
                            if !stopped {
                                idle();
                            }
                            match res_rx.recv() {
                                Ok(m) => m,
                                Err(_) => break,
                            }
                        }
                    }
                };
                if stopped {
                    continue; // drain what is still in flight
                }
                pending.extend(results);
                let mut sunk = 0;
                while let Some((k, r)) = pending.remove(&next) {
                    next += 1;
                    sunk += 1;
                    if sink(k, r).is_break() {
                        stopped = true;
                        stop.store(true, Ordering::Relaxed);
                        gate.close();
                        pending.clear();
                        break;
                    }
                }
                if sunk > 0 && !stopped {
                    gate.leave(sunk, window);
                }
            }
        });
    });
}

/// Counts items out (handed to workers, not yet sunk), whether the feeder waits for a
/// slot, and whether the batch was stopped.
struct Gate {
    state: Mutex<GateState>,
    cv: Condvar,
}

#[derive(Default)]
struct GateState {
    out: usize,
    waiting: bool,
    stopped: bool,
}

impl Gate {
    /// Waits for a free slot; false when the batch was stopped.
    fn enter(&self, window: usize) -> bool {
        let Ok(mut st) = self.state.lock() else {
            return false;
        };
        while st.out >= window && !st.stopped {
            st.waiting = true;
            st = match self.cv.wait(st) {
                Ok(s) => s,
                Err(_) => return false,
            };
        }
        st.waiting = false;
        if st.stopped {
            return false;
        }
        st.out += 1;
        true
    }

    /// `n` items were sunk; wakes a waiting feeder once at most half the window is out.
    fn leave(&self, n: usize, window: usize) {
        if let Ok(mut st) = self.state.lock() {
            st.out = st.out.saturating_sub(n);
            if st.waiting && st.out <= window / 2 {
                st.waiting = false;
                self.cv.notify_one();
            }
        }
    }

    fn close(&self) {
        if let Ok(mut st) = self.state.lock() {
            st.stopped = true;
            self.cv.notify_all();
        }
    }
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
            || {},
        );
        assert_eq!(seen, 10);
        assert!(started.load(Ordering::Relaxed) < 100, "{started:?}");
    }
}

#[cfg(test)]
mod window_tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn a_slow_document_holds_back_at_most_a_window_of_others() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .unwrap();
        let started = AtomicUsize::new(0);
        let mut at_first = None;
        let mut order = Vec::new();
        ordered_parallel(
            &pool,
            (0..200usize).map(|i| (i, i)),
            8,
            |i| {
                started.fetch_add(1, Ordering::SeqCst);
                if i == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(300));
                }
                i
            },
            |k, _| {
                if k == 0 {
                    at_first = Some(started.load(Ordering::SeqCst));
                }
                order.push(k);
            },
        );
        assert!(
            at_first.unwrap() <= 8,
            "{at_first:?} started before the first was done"
        );
        assert_eq!(order, (0..200).collect::<Vec<_>>());
    }
}

#[cfg(test)]
mod one_thread_tests {
    use super::*;

    #[test]
    fn one_thread_runs_inline_in_order_and_survives_panics() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let caller = std::thread::current().id();
        let mut got = Vec::new();
        let mut idles = 0;
        ordered_parallel_until(
            &pool,
            (0..20u32).map(|i| (i, i)),
            4,
            |i| {
                assert_eq!(std::thread::current().id(), caller);
                if i == 3 {
                    panic!("three");
                }
                i
            },
            |k, r| {
                got.push((k, r.is_ok()));
                if k == 9 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
            || idles += 1,
        );
        assert_eq!(got.len(), 10);
        assert!(got.iter().all(|&(k, ok)| ok == (k != 3)));
        assert_eq!(idles, 9);
    }
}
