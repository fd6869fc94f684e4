//! Hash maps keyed by [`NodeId`], with a hasher fit for them.
//!
//! std's default hasher (SipHash with random keys) protects a map from keys chosen to
//! collide. Node ids are not chosen by the page: the parser numbers nodes 0, 1, 2… in the
//! order it creates them, so one multiplication by an odd constant spreads them over the
//! table (its low bits, the bucket, are a bijection of the id's low bits; its high bits mix
//! all of them). SipHash cost ~100 instructions per look-up in the select stage's scores,
//! ~20,000 look-ups a scrapinghub pass (callgrind).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::NodeId;

/// A map from nodes to `V`.
pub type NodeMap<V> = HashMap<NodeId, V, BuildHasherDefault<NodeIdHasher>>;

/// 2^64 divided by the golden ratio, rounded to odd: the usual multiplicative-hashing constant.
const K: u64 = 0x9E37_79B9_7F4A_7C15;

#[derive(Default)]
pub struct NodeIdHasher(u64);

impl Hasher for NodeIdHasher {
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0 ^ u64::from(n)).wrapping_mul(K);
    }

    // NOTE: `NodeId` hashes through `write_u32` only; other input still hashes, byte by byte.
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards that distinct ids stay distinct keys and that a node's id hashes through
    // `write_u32` (the fast path), not the byte loop.
    #[test]
    fn ids_are_distinct_keys_and_hash_as_u32() {
        let mut m: NodeMap<u32> = NodeMap::default();
        for i in 0..10_000u32 {
            *m.entry(NodeId(i)).or_insert(0) += i;
        }
        assert_eq!(m.len(), 10_000);
        assert!((0..10_000u32).all(|i| m[&NodeId(i)] == i));
        let mut h = NodeIdHasher::default();
        std::hash::Hash::hash(&NodeId(7), &mut h);
        assert_eq!(h.finish(), 7u64.wrapping_mul(K));
    }
}
