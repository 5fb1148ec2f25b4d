// In-memory verifications and the sandbox clock. The clock can be moved forward so tests can expire tokens
// and media links without waiting.
import type { Verification } from "./types";

export class Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

export class Store {
  private byScanRef = new Map<string, Verification>();
  private byAuthToken = new Map<string, Verification>();
  private byCallId = new Map<string, Verification>();

  add(v: Verification): void {
    this.byScanRef.set(v.scanRef, v);
    this.byAuthToken.set(v.authToken, v);
  }

  indexCall(v: Verification): void {
    if (v.call) this.byCallId.set(v.call.id, v);
  }

  get(scanRef: string): Verification | undefined {
    return this.byScanRef.get(scanRef);
  }

  byToken(authToken: string): Verification | undefined {
    return this.byAuthToken.get(authToken);
  }

  byCall(callId: string): Verification | undefined {
    return this.byCallId.get(callId);
  }

  all(): Verification[] {
    return [...this.byScanRef.values()];
  }

  clear(): void {
    this.byScanRef.clear();
    this.byAuthToken.clear();
    this.byCallId.clear();
  }
}
