//! Work on many candidates spread over the cores: each worker takes the next candidate from a
//! shared queue, in the candidates' order, and the results come back in that order whatever
//! finished first, so a package is the same file for file however the work was spread.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;

use super::PackageError;

/// `make` run on every item on up to one thread per core; the results in the items' order.
/// After the first error no new item is started, and the first error in the items' order is
/// returned (as a sequential run would have stopped there). `failed` names the error for an
/// item whose worker panicked.
pub fn map_in_order<T: Sync, R: Send>(
    items: &[T],
    make: impl Fn(usize, &T) -> Result<R, PackageError> + Sync,
    failed: impl Fn(&T) -> PackageError,
) -> Result<Vec<R>, PackageError> {
    let workers = thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, items.len().max(1));
    let slots: Vec<Mutex<Option<Result<R, PackageError>>>> =
        items.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let work = || {
        while !stop.load(Ordering::Relaxed) {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let (Some(item), Some(slot)) = (items.get(index), slots.get(index)) else {
                return;
            };
            let result = make(index, item);
            if result.is_err() {
                stop.store(true, Ordering::Relaxed);
            }
            if let Ok(mut slot) = slot.lock() {
                *slot = Some(result);
            }
        }
    };
    thread::scope(|scope| {
        // A panicking worker leaves its slot empty; the others carry on.
        let handles: Vec<_> = (0..workers).map(|_| scope.spawn(work)).collect();
        for handle in handles {
            let _ = handle.join();
        }
    });
    let mut results = Vec::with_capacity(items.len());
    for (item, slot) in items.iter().zip(slots) {
        match slot.into_inner().ok().flatten() {
            Some(Ok(result)) => results.push(result),
            Some(Err(error)) => return Err(error),
            None => return Err(failed(item)),
        }
    }
    Ok(results)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failed(_: &u32) -> PackageError {
        PackageError::NoDrafts
    }

    #[test]
    fn results_come_back_in_the_items_order() {
        let items: Vec<u32> = (0..20).collect();
        let slow_first = |index: usize, item: &u32| {
            // The early items take longest, so they finish last.
            std::thread::sleep(std::time::Duration::from_millis(20 - index as u64));
            Ok(item * 2)
        };
        let doubled = map_in_order(&items, slow_first, failed).ok();
        assert_eq!(doubled, Some((0..20).map(|n| n * 2).collect()));
    }

    #[test]
    fn the_first_error_in_order_is_returned_and_later_items_are_not_started() {
        let items: Vec<u32> = (0..100).collect();
        let started = AtomicUsize::new(0);
        let make = |_: usize, item: &u32| {
            started.fetch_add(1, Ordering::Relaxed);
            match item {
                3 => Err(PackageError::Cancelled),
                7 => Err(PackageError::NoDrafts),
                _ => Ok(*item),
            }
        };
        let result = map_in_order(&items, make, failed);
        assert!(matches!(result, Err(PackageError::Cancelled)));
        assert!(started.load(Ordering::Relaxed) < 100);
    }

    #[test]
    fn a_panicking_worker_becomes_the_items_error() {
        let items = [1u32, 2, 3];
        let make = |_: usize, item: &u32| {
            if *item == 2 {
                panic!("test");
            }
            Ok(*item)
        };
        let result = map_in_order(&items, make, |_| PackageError::Zip("panic".into()));
        assert!(matches!(result, Err(PackageError::Zip(_))));
    }
}
