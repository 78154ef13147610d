//! EPCIS 2.0 (to do).
