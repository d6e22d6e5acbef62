//! Widow and orphan control for text broken over pages: a careful typesetter never leaves one
//! line of a paragraph block alone at the foot or the head of a page.

/// The fewest lines of a growing cell on either side of a page break.
pub const MIN_LINES: usize = 2;

/// How many of the `remaining` lines to set before a page break when `room` lines fit on this
/// page: as many as fit while at least `MIN_LINES` go on and at least `MIN_LINES` stay. 0 means
/// none: the lines move to the next page whole.
pub fn lines_before_break(room: usize, remaining: usize) -> usize {
    let here = room.min(remaining.saturating_sub(MIN_LINES));
    if here < MIN_LINES { 0 } else { here }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_line_is_left_alone_on_either_side() {
        // (room, remaining) → lines set here.
        let cases = [
            ((10, 30), 10),
            // One line would go on alone: it takes a second line with it.
            ((10, 11), 9),
            // Room for one line only: nothing here (an orphan).
            ((1, 30), 0),
            ((0, 30), 0),
            // Three lines cannot be split two and two: they move whole.
            ((2, 3), 0),
            ((2, 4), 2),
            ((3, 4), 2),
            ((5, 5), 3),
        ];
        for ((room, remaining), expected) in cases {
            let here = lines_before_break(room, remaining);
            assert_eq!(here, expected, "room {room}, remaining {remaining}");
            if here > 0 {
                assert!(here >= MIN_LINES && remaining - here >= MIN_LINES);
            }
        }
    }
}
