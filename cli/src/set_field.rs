//! `--set PATH=VALUE`: changes one value of a JSON body in place, leaving every other byte as it
//! was (layout, key order, numbers as written), so a page sample stays the page's sample but
//! for the field a partner wants to vary.

use std::collections::HashMap;

use serde_json::value::RawValue;

/// `body` with the value at `PATH` replaced by `VALUE`, as `assignment` (`PATH=VALUE`) says.
///
/// `PATH` is member names joined by `.`, with `[N]` (or `.N`) for the N-th element of an array:
/// `data.orderId`, `data.items[0].quantity`. `VALUE` is taken as JSON when it reads as JSON
/// (`42`, `true`, `null`, `"42"`, `{…}`), else as a string (`PENDING`).
///
/// # Errors
/// A message naming the assignment when it has no `=`, the body is not JSON, or the path leads
/// nowhere (with the members there are).
pub fn apply(body: &str, assignment: &str) -> Result<String, String> {
    let (path, value) = assignment
        .split_once('=')
        .ok_or_else(|| format!("--set {assignment}: write PATH=VALUE, e.g. data.orderId=43"))?;
    let fail = |reason: String| format!("--set {path}: {reason}");
    let mut node: &RawValue = serde_json::from_str(body)
        .map_err(|error| fail(format!("the body is not JSON ({error})")))?;
    let mut walked = String::new();
    for step in steps(path).map_err(fail)? {
        let text = node.get();
        let here = if walked.is_empty() {
            "the body".to_owned()
        } else {
            format!("`{walked}`")
        };
        node = match (&step, text.trim_start().as_bytes().first()) {
            (Step::Member(name), Some(b'{')) => {
                let members: HashMap<String, &RawValue> =
                    serde_json::from_str(text).map_err(|error| fail(error.to_string()))?;
                match members.get(name.as_str()) {
                    Some(member) => member,
                    None => {
                        let mut names: Vec<&str> = members.keys().map(String::as_str).collect();
                        names.sort_unstable();
                        return Err(fail(format!(
                            "{here} has no member `{name}` (it has: {})",
                            names.join(", ")
                        )));
                    }
                }
            }
            (_, Some(b'[')) => {
                let index = match &step {
                    Step::Index(index) => *index,
                    Step::Member(name) => name.parse().map_err(|_| {
                        fail(format!(
                            "{here} is an array: index it with [N], not `{name}`"
                        ))
                    })?,
                };
                let elements: Vec<&RawValue> =
                    serde_json::from_str(text).map_err(|error| fail(error.to_string()))?;
                *elements.get(index).ok_or_else(|| {
                    fail(format!(
                        "{here} has {} elements, so no [{index}]",
                        elements.len()
                    ))
                })?
            }
            _ => return Err(fail(format!("{here} is neither an object nor an array"))),
        };
        match step {
            Step::Member(name) if walked.is_empty() => walked = name,
            Step::Member(name) => {
                walked.push('.');
                walked.push_str(&name);
            }
            Step::Index(index) => walked.push_str(&format!("[{index}]")),
        }
    }
    let replacement = if serde_json::from_str::<serde::de::IgnoredAny>(value).is_ok() {
        value.trim().to_owned()
    } else {
        serde_json::to_string(value).map_err(|error| fail(error.to_string()))?
    };
    // The value's text borrows from `body`: where it starts there is an offset into `body`.
    let text = node.get();
    let start = (text.as_ptr() as usize)
        .checked_sub(body.as_ptr() as usize)
        .filter(|start| start + text.len() <= body.len())
        .ok_or_else(|| fail("the value is not inside the body".to_owned()))?;
    let end = start + text.len();
    Ok(format!(
        "{}{replacement}{}",
        body.get(..start).unwrap_or_default(),
        body.get(end..).unwrap_or_default()
    ))
}

/// One step of a path.
enum Step {
    Member(String),
    Index(usize),
}

fn steps(path: &str) -> Result<Vec<Step>, String> {
    if path.is_empty() {
        return Err("the path is empty".to_owned());
    }
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (name, mut indices) = match part.find('[') {
            Some(at) => (
                part.get(..at).unwrap_or_default(),
                part.get(at..).unwrap_or_default(),
            ),
            None => (part, ""),
        };
        if !name.is_empty() {
            steps.push(Step::Member(name.to_owned()));
        } else if indices.is_empty() {
            return Err("the path has an empty member name".to_owned());
        }
        while !indices.is_empty() {
            let index = indices
                .strip_prefix('[')
                .and_then(|rest| rest.split_once(']'))
                .and_then(|(index, rest)| Some((index.parse::<usize>().ok()?, rest)));
            let Some((index, rest)) = index else {
                return Err(format!("`{part}`: write an index as [N]"));
            };
            steps.push(Step::Index(index));
            indices = rest;
        }
    }
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::apply;

    const BODY: &str = "{\n  \"id\": \"evt:1\",\n  \"data\": {\"orderId\": 42, \"items\": [{\"q\": 1}, {\"q\": 2}], \"rate\": 1.10}\n}";

    #[test]
    fn only_the_value_changes() {
        assert_eq!(
            apply(BODY, "data.orderId=43").unwrap(),
            BODY.replace("42", "43")
        );
        assert_eq!(
            apply(BODY, "data.items[1].q=7").unwrap(),
            BODY.replace("\"q\": 2", "\"q\": 7")
        );
        assert_eq!(
            apply(BODY, "data.items.0.q=\"x\"").unwrap(),
            BODY.replace("\"q\": 1", "\"q\": \"x\"")
        );
        assert_eq!(
            apply(BODY, "id=evt:2").unwrap(),
            BODY.replace("evt:1", "evt:2")
        );
    }

    #[test]
    fn a_wrong_path_says_what_is_there() {
        let error = apply(BODY, "data.orderID=1").unwrap_err();
        assert!(error.contains("has no member `orderID`"), "{error}");
        assert!(error.contains("items, orderId, rate"), "{error}");
        let error = apply(BODY, "data.items[5].q=1").unwrap_err();
        assert!(error.contains("has 2 elements"), "{error}");
        let error = apply(BODY, "id.x=1").unwrap_err();
        assert!(error.contains("neither an object nor an array"), "{error}");
        assert!(apply(BODY, "data.orderId")
            .unwrap_err()
            .contains("PATH=VALUE"));
        assert!(apply("not json", "a=1").unwrap_err().contains("not JSON"));
    }
}
