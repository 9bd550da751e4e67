/** The endpoint's REST API from Node, as an API client would call it: an anonymous identity, then bearer requests. */
import type { CreateRoomRequest, CreateRoomResponse, IdentityResponse, RoomView } from '../../src/contract/index.js';

export class ApiClient {
  #credential: string | null = null;
  constructor(readonly base: string) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    if (!this.#credential) {
      const issued = (await (await fetch(`${this.base}/identity`, { method: 'POST' })).json()) as IdentityResponse;
      this.#credential = issued.credential;
    }
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.#credential}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  async createRoom(options: CreateRoomRequest): Promise<CreateRoomResponse> {
    const { status, body } = await this.request<CreateRoomResponse>('POST', '/rooms', options);
    if (status !== 201 && status !== 200) throw new Error(`createRoom → ${status} ${JSON.stringify(body)}`);
    return body;
  }

  async updateRoom(id: string, patch: Record<string, unknown>): Promise<RoomView> {
    const { status, body } = await this.request<{ room: RoomView } & RoomView>('PATCH', `/rooms/${id}`, patch);
    if (status !== 200) throw new Error(`updateRoom → ${status} ${JSON.stringify(body)}`);
    return body.room ?? body;
  }
}
