/** The public, verifiable log of signatures per campaign (Merkle tree, signed checkpoints, tiles, proofs). */
@org.springframework.modulith.ApplicationModule(
        displayName = "Signature log",
        allowedDependencies = {"campaign", "privacy", "signature", "support", "web"})
package org.keephope.log;
