// agora-token ships types only for its builders; decoding needs its AccessToken classes,
// which it exports from these modules without declarations.
declare module 'agora-token/src/AccessToken2.js' {
  export class Service {
    constructor(serviceType: number);
    service_type(): number;
    add_privilege(privilege: number, expire: number): void;
    __privileges: Record<string, number>;
  }
  export class ServiceRtc extends Service {
    constructor(channelName?: string, uid?: number | string);
    static kPrivilegeJoinChannel: number;
    static kPrivilegePublishAudioStream: number;
    static kPrivilegePublishVideoStream: number;
    static kPrivilegePublishDataStream: number;
    __channel_name: Buffer | string;
    __uid: Buffer | string;
  }
  export class ServiceRtm extends Service {
    constructor(userId?: string);
    static kPrivilegeLogin: number;
    __user_id: Buffer | string;
  }
  export class ServiceChat extends Service {
    constructor(userId?: string);
    static kPrivilegeUser: number;
    static kPrivilegeApp: number;
    __user_id: Buffer | string;
  }
  export class ServiceStreaming extends Service {
    __channel_name: Buffer | string;
    __account: Buffer | string;
  }
  export class ServiceFCdn extends Service {
    __channel_name: Buffer | string;
    __account: Buffer | string;
  }
  export class ServiceApaas extends Service {
    constructor(roomUuid?: string, userUuid?: string, role?: number);
    static PRIVILEGE_ROOM_USER: number;
    static PRIVILEGE_USER: number;
    static PRIVILEGE_APP: number;
    __room_uuid: Buffer | string;
    __user_uuid: Buffer | string;
    __role: number;
  }
  export class Rtm2Permissions {
    static kMessageChannels: number;
    static kStreamChannels: number;
    static kGroupChannels: number;
    static kServerGroups: number;
    static kUsers: number;
    static kRead: number;
    static kWrite: number;
    details: Record<number, Record<number, string[]>>;
    add(resourceType: number, permissionType: number, resources: string[]): void;
  }
  export class ServiceFpa extends Service {
    constructor();
    static kPrivilegeLogin: number;
  }
  export class ServiceConvoAI extends Service {
    constructor();
  }
  export class ServiceStt extends Service {
    constructor();
  }
  export class ServiceRtm2 extends Service {
    constructor(userId?: string, permissions?: Rtm2Permissions);
    static kPrivilegeLogin: number;
    __user_id: Buffer | string;
    __permissions: { details: Record<string, Record<string, string[]>> };
  }
  export class AccessToken2 {
    constructor(appId: string, appCertificate: string, issueTs: number | null, expire: number);
    appId: string | Buffer;
    issueTs: number;
    expire: number;
    salt: number;
    services: Service[];
    add_service(service: Service): void;
    build(): string;
    from_string(token: string): boolean;
    verifySignature(appCertificate: string): boolean;
  }
  export const kRtcServiceType: number;
  export const kRtmServiceType: number;
  export const kStreamingServiceType: number;
  export const kFpaServiceType: number;
  export const kChatServiceType: number;
  export const kFCdnServiceType: number;
  export const kApaasServiceType: number;
  export const kRtm2ServiceType: number;
  export const kConvoAIServiceType: number;
  export const kSttServiceType: number;
}

declare module 'agora-token/src/AccessToken.js' {
  export class AccessToken {
    constructor(appId: string, appCertificate: string, channelName: string, uid: number | string);
    appID: string;
    salt: number;
    ts: number;
    messages: Record<string, number>;
    signature?: Buffer;
    crc_channel_name?: number;
    crc_uid?: number;
    build(): string;
    fromString(token: string): boolean;
  }
  export const priviledges: {
    kJoinChannel: number;
    kPublishAudioStream: number;
    kPublishVideoStream: number;
    kPublishDataStream: number;
    kRtmLogin: number;
  };
}
