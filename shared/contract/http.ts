/** The routes of the local server (agora-token-service API); the server parses with its own schemas (shared/server). */

// ---------------------------------------------------------------- HTTP (agora-token-service API)

export interface GetTokenBody {
  /** rtc, rtm, chat as in agora-token-service; *new*: every other kind's httpTokenType in the registry. */
  tokenType: string;
  channel?: string;
  role?: string;
  uid?: string;
  expire?: number;
}

/** Every error response of the local server. */
export interface HttpErrorBody {
  status: number;
  error: string;
  message: string;
}

export interface HttpRoutes {
  'GET /ping': { params: Record<string, never>; response: { message: 'pong' } };
  'POST /getToken': { params: Record<string, never>; body: GetTokenBody; response: { token: string } };
  'GET /rtc/:channelName/:role/:tokenType/:rtcuid': {
    params: { channelName: string; role: string; tokenType: string; rtcuid: string };
    query: { expiry?: string };
    response: { rtcToken: string };
  };
  'GET /rtm/:rtmuid': { params: { rtmuid: string }; query: { expiry?: string }; response: { rtmToken: string } };
  'GET /rte/:channelName/:role/:tokenType/:rtcuid/:rtmuid?': {
    params: { channelName: string; role: string; tokenType: string; rtcuid: string; rtmuid?: string };
    query: { expiry?: string };
    response: { rtcToken: string; rtmToken: string };
  };
  'GET /chat/app': { params: Record<string, never>; query: { expiry?: string }; response: { chatToken: string } };
  'GET /chat/account/:chatid': {
    params: { chatid: string };
    query: { expiry?: string };
    response: { chatToken: string };
  };
}
